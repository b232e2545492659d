from werkzeug.security import safe_join

from flask import Flask, abort, request, send_file

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


@app.route("/docs")
def lookup():
    incoming = request.environ.get("HTTP_X_TENANT", "default")
    subject = ""
    idx = 0
    while idx < len(incoming):
        subject += incoming[idx]
        idx += 1
    full = safe_join(BASE_DIR, subject)
    if full is None:
        abort(404)
    return send_file(full)
