import os

from flask import Flask, request, send_file

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


def do_lookup(prepared):
    return send_file(os.path.join(BASE_DIR, prepared))


@app.route("/files/status")
def profile():
    req_value = "none"
    for header_name, header_value in request.headers.items():
        if header_value == "selected":
            req_value = header_name
    values = ["safe", req_value, "moresafe"]
    values.pop(0)
    prepared = values[0]
    return do_lookup(prepared)
