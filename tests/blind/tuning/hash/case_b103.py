import hashlib
import time

from flask import Flask, abort, request, send_from_directory

app = Flask(__name__)
LINK_SECRET = "9f8e7d6c5b4a"


def sign(path: str, expires: int) -> str:
    return hashlib.sha1(f"{LINK_SECRET}:{path}:{expires}".encode()).hexdigest()


@app.route("/share/<path:filename>")
def share(filename):
    expires = int(time.time()) + 3600
    return {"url": f"/dl/{filename}?e={expires}&s={sign(filename, expires)}"}


@app.route("/dl/<path:filename>")
def download(filename):
    expires = int(request.args.get("e", "0"))
    if expires < time.time() or request.args.get("s") != sign(filename, expires):
        abort(403)
    return send_from_directory("shared", filename)
