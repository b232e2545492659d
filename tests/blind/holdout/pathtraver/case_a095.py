import os

from flask import Flask, abort, request

app = Flask(__name__)
NOTES_DIR = "/srv/app/notes"


@app.route("/notes/read")
def read_note():
    requested = request.args.get("note", "")
    name = os.path.basename(requested)
    if not name or name in (".", ".."):
        abort(400)
    path = os.path.join(NOTES_DIR, name)
    try:
        with open(path, encoding="utf-8") as fh:
            return {"note": name, "text": fh.read()}
    except FileNotFoundError:
        abort(404)
