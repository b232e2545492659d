import os

from werkzeug.utils import secure_filename

from flask import Flask, Response, request

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


def process_value(bar):
    with open(os.path.join(BASE_DIR, secure_filename(bar))) as fh:
        return Response(fh.read(), mimetype="text/plain")


@app.route("/tools/lookup", methods=["POST"])
def view_item():
    attachment = request.files.get("attachment")
    user_input = attachment.stream.read().decode() if attachment else ""
    if 7 * 6 > 10:
        bar = user_input
    else:
        bar = "fixed"
    return process_value(bar)
