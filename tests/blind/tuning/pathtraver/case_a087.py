import os

from flask import Flask, abort, jsonify, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
app.config["UPLOAD_FOLDER"] = "/srv/app/uploads"


@app.route("/upload", methods=["POST"])
def upload():
    f = request.files.get("document")
    if f is None or not f.filename:
        abort(400)
    filename = secure_filename(f.filename)
    if not filename:
        abort(400)
    f.save(os.path.join(app.config["UPLOAD_FOLDER"], filename))
    return jsonify(stored=filename), 201
