import urllib.parse

from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, select

from flask import Flask, jsonify, request

app = Flask(__name__)

engine = create_engine("sqlite:////srv/app/data.db")
metadata = MetaData()
users_table = Table("users", metadata, Column("id", Integer, primary_key=True), Column("name", String))


@app.route("/hooks", methods=["POST"])
def browse():
    upload = request.files["document"]
    client_value = upload.filename or ""
    value = urllib.parse.unquote(client_value)
    query = select(users_table.c.id).where(users_table.c.name == value)
    with engine.connect() as connection:
        rows = connection.execute(query).fetchall()
    return jsonify(count=len(rows))
