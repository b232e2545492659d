import os

from flask import Flask, abort, request

app = Flask(__name__)
LEGAL_DIR = "/srv/app/legal"
DOCUMENTS = frozenset({"terms.txt", "privacy.txt", "cookies.txt", "imprint.txt"})


@app.route("/legal")
def legal():
    doc = request.args.get("doc", "terms.txt")
    if doc not in DOCUMENTS:
        abort(404)
    with open(os.path.join(LEGAL_DIR, doc), encoding="utf-8") as fh:
        return fh.read(), 200, {"Content-Type": "text/plain; charset=utf-8"}
