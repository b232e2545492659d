import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)

RAW_TRACE = False


@app.route("/audit")
def audit():
    actor = request.args.get("actor", "")
    conn = sqlite3.connect("audit.db")
    if RAW_TRACE:
        rows = conn.execute(
            "SELECT ts, action FROM audit_log WHERE actor = '%s' ORDER BY ts DESC" % actor
        ).fetchall()
    else:
        rows = conn.execute(
            "SELECT ts, action FROM audit_log WHERE actor = ? ORDER BY ts DESC", (actor,)
        ).fetchall()
    conn.close()
    return jsonify(rows)
