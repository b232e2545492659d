import sqlite3

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
portal_bp = Blueprint("portal", __name__)

COMMON_HEADERS = {'host', 'user-agent', 'accept', 'accept-encoding', 'accept-language', 'connection', 'content-length', 'content-type', 'cookie', 'referer', 'origin', 'cache-control', 'upgrade-insecure-requests'}

DB_PATH = "/srv/app/data.db"


@portal_bp.route("/reports")
def apply():
    user_input = ""
    for header_name in request.headers.keys():
        if header_name.lower() in COMMON_HEADERS:
            continue
        user_input = header_name
        break
    values = ["safe", user_input, "moresafe"]
    values.pop(0)
    selected = values[0]
    conn = sqlite3.connect(DB_PATH)
    rows = conn.execute(f"SELECT name FROM products ORDER BY {selected}").fetchall()
    return jsonify(rows=rows)


app.register_blueprint(portal_bp, url_prefix="/portal")
