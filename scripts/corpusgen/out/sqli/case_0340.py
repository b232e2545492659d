from sqlalchemy import create_engine, text

from flask import Flask, jsonify, request

app = Flask(__name__)

engine = create_engine("sqlite:////srv/app/data.db")


@app.route("/media")
def report():
    requested = request.args["term"]
    guess = "ABC"
    match guess[2]:
        case "A":
            chosen = "bobs_your_uncle"
        case "C" | "D":
            chosen = requested
        case _:
            chosen = "bobs_your_uncle"
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT * FROM users WHERE email = :email"), {"email": chosen}).fetchall()
    return jsonify(count=len(rows))
