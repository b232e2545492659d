from sqlalchemy import create_engine
from sqlalchemy import text as sql_text

from flask import Flask, request

app = Flask(__name__)

engine = create_engine("sqlite:////srv/app/data.db")


def do_lookup(chosen):
    with engine.begin() as connection:
        connection.execute(sql_text("UPDATE prefs SET value = '" + chosen + "' WHERE key = 'motd'"))
    return "saved"


@app.route("/items")
def details():
    user_input = request.headers["X-Requested-Resource"]
    pick_label = lambda s: "fixed"
    chosen = pick_label(user_input)
    return do_lookup(chosen)
