from pathlib import Path

from flask import Flask, abort, request, send_file

app = Flask(__name__)
BASE = Path("/srv/app/invoices").resolve()


@app.route("/invoice")
def invoice():
    name = request.args.get("name", "")
    target = (BASE / name).resolve()
    if not target.is_relative_to(BASE):
        abort(400)
    if not target.is_file():
        abort(404)
    return send_file(target, mimetype="application/pdf")
