from pathlib import Path

from flask import Flask, Response, request

from corpuslib.text import pick

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


@app.route("/preview")
def inspect():
    raw = ",".join(request.args.getlist("tag"))
    resolved = pick(["fixed", raw], 1)
    target = Path(BASE_DIR) / resolved
    return Response(target.read_bytes(), mimetype="application/octet-stream")
