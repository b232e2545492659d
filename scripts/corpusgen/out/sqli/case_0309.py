from sqlalchemy import create_engine, text

from flask import Flask, jsonify, request

app = Flask(__name__)

engine = create_engine("sqlite:////srv/app/data.db")


def do_lookup(subject):
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT * FROM users WHERE email = '" + subject + "'")).fetchall()
    return jsonify(count=len(rows))


@app.route("/admin/tools", methods=["POST"])
def view_item():
    payload = request.get_json(silent=True) or {}
    requested = str(payload.get("value", ""))
    subject = f"{requested}"
    return do_lookup(subject)
