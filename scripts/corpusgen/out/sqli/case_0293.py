from sqlalchemy import create_engine

from flask import Flask, jsonify

app = Flask(__name__)

engine = create_engine("sqlite:////srv/app/data.db")


@app.route("/files/<string:user_input>")
def show(user_input):
    user_input = user_input.strip()
    value = user_input.strip()
    with engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT * FROM logs WHERE source = '%s'" % value).fetchall()
    return jsonify(count=len(rows))
