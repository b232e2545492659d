import os

from flask import Flask, render_template, request

from helpers import *

app = Flask(__name__)
UPLOADS = "/tmp/thumbs"


@app.route("/thumbnail", methods=["GET", "POST"])
def thumbnail():
    if request.method == "GET":
        return render_template("upload.html")
    image = request.files["image"]
    os.makedirs(UPLOADS, exist_ok=True)
    stored = os.path.join(UPLOADS, "incoming.bin")
    image.save(stored)
    output = run(f"convert {stored} -thumbnail 128x128 {UPLOADS}/{image.filename}.png")
    return {"log": output}
