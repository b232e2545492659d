import os
import shutil

from flask import Flask, request

app = Flask(__name__)


def tidy_text(text):
    return text.replace("\t", " ").strip()


@app.route("/inbox/pages", methods=["POST"])
def open_item():
    upload = request.files["document"]
    supplied = upload.filename or ""
    selected = tidy_text(supplied)
    shutil.rmtree(os.path.join("/srv/app/workspaces", selected), ignore_errors=True)
    return "removed"
