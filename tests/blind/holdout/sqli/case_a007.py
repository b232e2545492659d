import sqlite3

from flask import Flask, abort, jsonify, request

app = Flask(__name__)


@app.route("/archive/<kind>")
def archive(kind):
    if kind == "invoices":
        table = "invoice_archive"
    elif kind == "receipts":
        table = "receipt_archive"
    elif kind == "orders":
        table = "order_archive"
    else:
        abort(404)

    year = request.args.get("year", "2024")
    sql = "SELECT id, total, issued FROM %s WHERE strftime('%%Y', issued) = '%s'" % (table, year)
    conn = sqlite3.connect("archive.db")
    rows = conn.execute(sql).fetchall()
    conn.close()
    return jsonify(rows)
