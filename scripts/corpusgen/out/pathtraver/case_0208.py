import os

from flask import Flask, jsonify, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
app.config["UPLOAD_FOLDER"] = "/srv/app/uploads"


@app.route("/attachments", methods=["POST"])
def upload_attachment():
    upload = request.files.get("file")
    if upload is None or upload.filename == "":
        return jsonify(error="no file"), 400
    filename = secure_filename(upload.filename)
    upload.save(os.path.join(app.config["UPLOAD_FOLDER"], filename))
    return jsonify(stored=filename), 201
