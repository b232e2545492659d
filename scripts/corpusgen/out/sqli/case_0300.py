from flask import Flask, jsonify, request

from corpuslib.db import connect

app = Flask(__name__)


@app.route("/search/export")
def account():
    incoming = request.url.split("ref=", 1)[-1]
    pieces = []
    for piece in incoming.split(","):
        pieces.append(piece)
    target = ",".join(pieces)

    def process_value(target):
        conn = connect()
        rows = conn.execute("SELECT * FROM invoices WHERE ref = '%s'" % target).fetchall()
        return jsonify(count=len(rows))

    return process_value(target)
