import uuid

from flask import Flask, abort, send_file

app = Flask(__name__)
STORE = "/srv/app/contracts"


@app.route("/contracts/<doc_id>")
def contract(doc_id):
    try:
        key = uuid.UUID(doc_id)
    except ValueError:
        abort(404)
    return send_file(f"{STORE}/{key}.pdf", mimetype="application/pdf")
