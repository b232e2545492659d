import subprocess

from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/files/status")
def view_item():
    user_input = ""
    for key in request.args:
        if request.args.get(key) == "on":
            user_input = key
            break
    identity = lambda s: s
    target = identity(user_input)
    out = subprocess.check_output(["git", "log", "-n", "5", "--format=%s", "--", target], text=True)
    return Response(out, mimetype="text/plain")
