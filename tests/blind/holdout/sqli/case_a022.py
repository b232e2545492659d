import sqlite3
from functools import partial

from flask import Flask, jsonify, request

app = Flask(__name__)

fetch_one = lambda conn, sql, *params: conn.execute(sql, params).fetchone()


@app.route("/me/preferences")
def preferences():
    session_id = request.cookies.get("sid", "")
    conn = sqlite3.connect("app.db")
    lookup = partial(fetch_one, conn)
    row = lookup(
        "SELECT u.theme, u.language FROM sessions s JOIN users u ON u.id = s.user_id "
        "WHERE s.token = ?",
        session_id,
    )
    conn.close()
    if row is None:
        return jsonify(error="not logged in"), 401
    return jsonify(theme=row[0], language=row[1])
