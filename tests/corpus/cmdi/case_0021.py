import subprocess

from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/account")
def export():
    raw = request.user_agent.string
    values = ["safe", raw, "moresafe"]
    values.pop(0)
    prepared = values[0]
    status = subprocess.getoutput("whois {}".format(prepared))
    return Response(status, mimetype="text/plain")
