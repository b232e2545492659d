import os

from flask import Flask, Response, abort, request

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


@app.route("/feeds/lookup", methods=["GET", "POST"])
def profile():
    raw = request.values.get("item", "")
    subject = "%s" % (raw,)
    if subject not in {"terms.txt", "privacy.txt", "imprint.txt"}:
        abort(404)
    with open(os.path.join(BASE_DIR, subject)) as fh:
        return Response(fh.read(), mimetype="text/plain")
