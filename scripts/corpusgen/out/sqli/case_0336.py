import sqlite3

from flask import Blueprint, Flask

from corpuslib.text import pick

app = Flask(__name__)
public_bp = Blueprint("public", __name__)

DB_PATH = "/srv/app/data.db"


@public_bp.route("/tasks/orders/<path:incoming>")
def process(incoming):
    value = pick(["fixed", incoming], 1)
    conn = sqlite3.connect(DB_PATH)
    conn.executescript(f"INSERT INTO audit(message) VALUES ('{value}');")
    return "logged"


app.register_blueprint(public_bp, url_prefix="/public")
