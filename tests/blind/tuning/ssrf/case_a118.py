import urllib.request

from flask import Flask, abort, jsonify, request

app = Flask(__name__)


@app.route("/import/csv", methods=["POST"])
def import_csv():
    source = request.form.get("source_url", "").strip()
    if not source.startswith(("http://", "https://")):
        abort(400, "only http(s) sources")
    with urllib.request.urlopen(source, timeout=10) as resp:
        lines = resp.read().decode("utf-8", "replace").splitlines()
    return jsonify(rows=len(lines), header=lines[:1])
