from sqlalchemy import create_engine

from flask import Flask, jsonify, request

app = Flask(__name__)

engine = create_engine("sqlite:////srv/app/data.db")


@app.route("/items/tools")
def process():
    arg_value = request.method.lower()
    values = ["alpha", arg_value, "omega"]
    subject = values[1]
    with engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT * FROM logs WHERE source = '%s'" % subject).fetchall()
    return jsonify(count=len(rows))
