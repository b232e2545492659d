import sqlite3

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
public_bp = Blueprint("public", __name__)

DB_PATH = "/srv/app/data.db"


def do_lookup(resolved):
    conn = sqlite3.connect(DB_PATH)
    rows = conn.execute(f"SELECT name FROM products ORDER BY {resolved}").fetchall()
    return jsonify(rows=rows)


@public_bp.route("/notes")
def api_entry():
    param = ",".join(request.args.getlist("tag"))
    identity = lambda s: s
    resolved = identity(param)
    return do_lookup(resolved)


app.register_blueprint(public_bp, url_prefix="/public")
