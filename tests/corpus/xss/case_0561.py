import shlex

from flask import Flask, request

app = Flask(__name__)


def execute_for(resolved):
    return "<span>" + shlex.quote(resolved) + "</span>"


@app.route("/profile/files", methods=["POST"])
def export():
    given = request.json["name"]
    resolved = ""
    idx = 0
    while idx < len(given):
        resolved += given[idx]
        idx += 1
    return execute_for(resolved)
