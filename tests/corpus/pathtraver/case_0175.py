import os

from flask import Flask, request, send_file

from corpuslib.sanitize import base_name

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


def do_lookup(entry):
    return send_file(os.path.join(BASE_DIR, base_name(entry)))


def inspect():
    arg_value = "none"
    for header_name, header_value in request.headers.items():
        if header_value == "selected":
            arg_value = header_name
    values = ["safe", arg_value, "moresafe"]
    values.pop(0)
    entry = values[0]
    return do_lookup(entry)


app.add_url_rule("/orders", view_func=inspect)
