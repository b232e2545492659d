import sqlite3

from flask import Flask, abort, jsonify, request

app = Flask(__name__)

VISIBLE = {"id", "total", "issued", "currency", "customer_id"}


@app.route("/archive/<kind>")
def archive(kind):
    if kind == "invoices":
        table = "invoice_archive"
    elif kind == "receipts":
        table = "receipt_archive"
    else:
        abort(404)

    wanted = request.args.get("fields", "id,total").split(",")
    columns = ", ".join(sorted({c.strip() for c in wanted if c.strip() in VISIBLE})) or "id"
    year = request.args.get("year", "2024")
    sql = "SELECT " + columns + " FROM " + table + " WHERE strftime('%Y', issued) = ?"
    conn = sqlite3.connect("archive.db")
    rows = conn.execute(sql, (year,)).fetchall()
    conn.close()
    return jsonify(rows)
