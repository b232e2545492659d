import os
import shutil

from flask import Flask, request

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


@app.route("/admin/profile", methods=["POST", "PUT"])
def profile():
    raw = request.data.decode("utf-8", "replace")
    target = raw.strip()
    shutil.copy(os.path.join(BASE_DIR, target), "/tmp/export.bin")
    return "copied"
