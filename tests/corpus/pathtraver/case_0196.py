import os

from flask import Flask, jsonify, request

app = Flask(__name__)
app.config["UPLOAD_FOLDER"] = "/srv/app/uploads"


@app.route("/attachments", methods=["POST"])
def upload_attachment():
    upload = request.files.get("file")
    if upload is None or upload.filename == "":
        return jsonify(error="no file"), 400
    destination = os.path.join(app.config["UPLOAD_FOLDER"], upload.filename)
    upload.save(destination)
    return jsonify(stored=upload.filename), 201
