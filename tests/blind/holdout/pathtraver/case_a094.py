import os

from flask import Flask, jsonify, request

app = Flask(__name__)
SHARE = "/srv/share"


@app.route("/browse")
def browse():
    sub = request.args.get("dir", "")
    target = os.path.normpath(os.path.join(SHARE, sub))
    entries = [
        {"name": e.name, "dir": e.is_dir(), "size": e.stat().st_size}
        for e in os.scandir(target)
    ]
    return jsonify(path=target, entries=entries)
