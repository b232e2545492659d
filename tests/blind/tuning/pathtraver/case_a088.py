import os

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
app.config["UPLOAD_FOLDER"] = "/srv/app/uploads"
ALLOWED_EXT = {".pdf", ".png", ".jpg"}


@app.route("/upload", methods=["POST"])
def upload():
    f = request.files.get("document")
    if f is None or not f.filename:
        abort(400)
    if os.path.splitext(f.filename)[1].lower() not in ALLOWED_EXT:
        abort(415)
    f.save(os.path.join(app.config["UPLOAD_FOLDER"], f.filename))
    return jsonify(stored=f.filename), 201
