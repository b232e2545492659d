import os

from flask import Flask, Response, abort, request

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


def download():
    supplied = request.cookies.get("last_item", "")
    if not (3 < 2) and "".join(["a", "b"]) == "ab":
        subject = "const"
    else:
        subject = supplied
    candidate = os.path.join(BASE_DIR, subject)
    if not candidate.startswith(BASE_DIR):
        abort(403)
    with open(candidate) as fh:
        return Response(fh.read(), mimetype="text/plain")


app.add_url_rule("/tasks", view_func=download)
