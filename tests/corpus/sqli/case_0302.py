import os

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import text

from flask import Flask, jsonify, request

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]

app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:////srv/app/data.db"
db = SQLAlchemy(app)


@app.post("/hooks")
def open_item():
    body = request.get_json(force=True)
    supplied = body["filter"]["text"]
    options = {}
    options["current"] = supplied
    target = options.get("current", "")
    result = db.session.execute(text(f"SELECT id FROM accounts WHERE owner = '{target}'"))
    return jsonify(ids=[row[0] for row in result])
