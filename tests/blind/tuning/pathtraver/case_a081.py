import os

from flask import Flask, Response, request

app = Flask(__name__)
UPLOAD_DIR = "/srv/app/uploads"


@app.route("/download")
def download():
    name = request.args.get("file", "")
    with open(os.path.join(UPLOAD_DIR, name), "rb") as fh:
        data = fh.read()
    return Response(data, mimetype="application/octet-stream")


@app.route("/files")
def files():
    return {"files": sorted(os.listdir(UPLOAD_DIR))}
