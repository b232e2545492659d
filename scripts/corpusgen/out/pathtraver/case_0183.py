import os

from flask import Flask, request, send_file

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


def execute_for(prepared):
    return send_file(os.path.join(BASE_DIR, prepared))


@app.route("/tools", methods=["POST"])
def account():
    requested = request.json["name"]

    def current():
        return requested

    prepared = current()
    return execute_for(prepared)
