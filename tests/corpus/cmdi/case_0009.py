import subprocess

from flask import Flask, Response, abort, request

app = Flask(__name__)

COMMANDS = {"uptime": "uptime", "disk": "df -h", "memory": "free -m"}


@app.get("/tools/orders")
def dashboard():
    tags = request.args.getlist("tag")
    client_value = tags[0] if tags else ""
    target = client_value
    command = COMMANDS.get(target)
    if command is None:
        abort(404)
    return Response(subprocess.getoutput(command), mimetype="text/plain")
