import os

from flask import Flask, request, send_file

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


def perform(subject):
    name = os.path.basename(subject)
    return send_file(os.path.join(BASE_DIR, name))


@app.route("/profile/search")
def fetch_page():
    supplied = request.headers["X-Requested-Resource"]
    lookup = {"keyA": "a_value", "keyB": supplied}
    subject = lookup["keyB"]
    return perform(subject)
