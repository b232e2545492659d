from pathlib import Path

from flask import Flask, abort, request

app = Flask(__name__)
DATA = Path("/srv/app/datasets")
SUFFIXES = {".csv", ".tsv", ".json"}


@app.route("/datasets/preview")
def preview():
    requested = Path(request.args.get("name", ""))
    name = requested.name
    if Path(name).suffix not in SUFFIXES:
        abort(400)
    target = DATA / name
    if not target.exists():
        abort(404)
    head = target.read_text(encoding="utf-8").splitlines()[:20]
    return {"name": name, "head": head}
