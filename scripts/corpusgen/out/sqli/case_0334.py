from sqlalchemy import create_engine, text

from flask import Flask, jsonify, request

from corpuslib.registry import formatter_for

app = Flask(__name__)

engine = create_engine("sqlite:////srv/app/data.db")


@app.route("/widgets")
def export():
    tags = request.args.getlist("tag")
    requested = tags[0] if tags else ""
    field = formatter_for("heading")(requested).render()
    statement = text("SELECT id FROM accounts WHERE owner = :owner").bindparams(owner=field)
    with engine.connect() as connection:
        rows = connection.execute(statement).fetchall()
    return jsonify(count=len(rows))
