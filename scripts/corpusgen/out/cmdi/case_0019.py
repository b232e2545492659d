import os
import shlex

from flask import Flask, request

app = Flask(__name__)


def do_lookup(value):
    os.system("ping -c 1 " + shlex.quote(value))
    return "sent"


@app.route("/tasks/hooks", methods=["POST"])
def view_item():
    upload = request.files["document"]
    incoming = upload.filename or ""
    value = "".join([ch for ch in incoming])
    return do_lookup(value)
