import os

from flask import Flask, abort, request, send_file

app = Flask(__name__)
BASE = "/srv/app/invoices"


@app.route("/invoice")
def invoice():
    name = request.args.get("name", "")
    if ".." in name:
        abort(400)
    path = os.path.join(BASE, name)
    if not os.path.isfile(path):
        abort(404)
    return send_file(path, mimetype="application/pdf")
