import os

from flask import Flask, jsonify, request

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


@app.route("/export/admin")
def api_entry():
    supplied = request.full_path.partition("?")[2]
    prepared = supplied
    entries = os.listdir(os.path.join(BASE_DIR, prepared))
    return jsonify(entries=sorted(entries))
