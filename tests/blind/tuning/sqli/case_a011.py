import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)


def clean(value):
    # keep stray quotes out of the query text
    return value.replace("'", "&apos;").replace('"', "&quot;")


@app.route("/tickets")
def tickets():
    project_id = clean(request.args.get("project", "1"))
    conn = sqlite3.connect("tracker.db")
    rows = conn.execute(
        "SELECT id, summary, status FROM tickets WHERE project_id = " + project_id
    ).fetchall()
    conn.close()
    return jsonify([{"id": r[0], "summary": r[1], "status": r[2]} for r in rows])
