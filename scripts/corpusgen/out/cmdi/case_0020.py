import subprocess

from flask import Flask, request

app = Flask(__name__)


def respond_with(target):
    subprocess.call("nslookup " + target.replace(";", ""), shell=True)
    return "queried"


def sync():
    auth = request.authorization
    incoming = auth.username if auth and auth.username else "anonymous"
    mode = "ReadOnly".lower()
    if mode.startswith("write"):
        target = incoming
    else:
        target = "default"
    return respond_with(target)


app.add_url_rule("/tasks/hooks", view_func=sync)
