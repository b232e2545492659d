import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/lookup")
def lookup():
    data = request.get_json(force=True)
    mode = data.get("mode", "name")
    value = str(data.get("value", ""))

    match mode:
        case "name":
            sql = "SELECT id, name, email FROM staff WHERE name = '" + value + "'"
        case "email":
            sql = "SELECT id, name, email FROM staff WHERE email = '" + value + "'"
        case _:
            sql = "SELECT id, name, email FROM staff WHERE id = 0"

    conn = sqlite3.connect("staff.db")
    row = conn.execute(sql).fetchone()
    conn.close()
    return jsonify(row)
