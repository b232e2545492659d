import os

from flask import Flask, request, send_file

app = Flask(__name__)

BASE_DIR = "/srv/app/files"
DOCUMENTS = {"terms": "terms.txt", "privacy": "privacy.txt"}


@app.route("/items/tools")
def resolve_item():
    raw = request.headers.get("X-Item-Name", "")
    selected = "{}".format(raw)
    filename = DOCUMENTS.get(selected, "index.txt")
    return send_file(os.path.join(BASE_DIR, filename))
