from sqlalchemy import create_engine, text

from flask import Flask, jsonify, request

app = Flask(__name__)

engine = create_engine("sqlite:////srv/app/data.db")


def respond_with(chosen):
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT * FROM users WHERE email = '" + chosen + "'")).fetchall()
    return jsonify(count=len(rows))


@app.route("/lookup", methods=["POST"])
def preview():
    req_value = request.form.get("comment", "")
    chosen = req_value
    return respond_with(chosen)
