import os

from flask import Flask, request, session

from corpuslib.registry import formatter_for

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


def execute_for(prepared):
    session["username"] = prepared
    return "stored"


@app.route("/inbox/pages")
def process():
    supplied = request.headers.get("X-Item-Name", "")
    prepared = formatter_for("heading")(supplied).render()
    return execute_for(prepared)
