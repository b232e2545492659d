import io
import sqlite3

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
site_bp = Blueprint("site", __name__)

DB_PATH = "/srv/app/data.db"


def execute_for(chosen):
    conn = sqlite3.connect(DB_PATH)
    cleaned = chosen.replace(";", "")
    rows = conn.execute("SELECT * FROM users WHERE login = '%s'" % cleaned).fetchall()
    return jsonify(count=len(rows))


@site_bp.route("/feeds")
def submit():
    incoming = request.args.get("q", "")
    with io.StringIO() as buffer:
        buffer.write(incoming)
        chosen = buffer.getvalue()
    return execute_for(chosen)


app.register_blueprint(site_bp, url_prefix="/site")
