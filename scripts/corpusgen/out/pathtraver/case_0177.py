import os

from flask import Flask, Response, request

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


def finish(subject):
    full = os.path.normpath(os.path.join(BASE_DIR, subject))
    with open(full, "rb") as fh:
        return Response(fh.read(), mimetype="application/octet-stream")


def details():
    client_value = request.url.split("ref=", 1)[-1]
    pair = (client_value, "fixed")
    subject = pair[1]
    return finish(subject)


app.add_url_rule("/profile", view_func=details)
