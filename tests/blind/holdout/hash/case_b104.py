import hashlib
import hmac
import time

from flask import Flask, abort, request, send_from_directory

app = Flask(__name__)
LINK_SECRET = b"9f8e7d6c5b4a"


def sign(path: str, expires: int) -> str:
    msg = f"{path}:{expires}".encode()
    return hmac.new(LINK_SECRET, msg, hashlib.sha256).hexdigest()


@app.route("/share/<path:filename>")
def share(filename):
    expires = int(time.time()) + 3600
    return {"url": f"/dl/{filename}?e={expires}&s={sign(filename, expires)}"}


@app.route("/dl/<path:filename>")
def download(filename):
    expires = int(request.args.get("e", "0"))
    given = request.args.get("s", "")
    if expires < time.time() or not hmac.compare_digest(given, sign(filename, expires)):
        abort(403)
    return send_from_directory("shared", filename)
