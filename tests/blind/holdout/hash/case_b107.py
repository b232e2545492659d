import hashlib
import json

from flask import Flask, abort, request

app = Flask(__name__)

with open("firmware_manifest.json") as fh:
    MANIFEST = json.load(fh)


@app.route("/devices/<device>/firmware", methods=["PUT"])
def upload_firmware(device):
    image = request.files["image"]
    blob = image.read()
    expected = MANIFEST.get(image.filename)
    if expected is None:
        abort(404)
    if hashlib.md5(blob).hexdigest() != expected:
        abort(422, "checksum mismatch")
    with open(f"/var/lib/fw/{device}.bin", "wb") as out:
        out.write(blob)
    return {"flashed": image.filename}
