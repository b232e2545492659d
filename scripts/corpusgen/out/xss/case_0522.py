import os

from flask import Flask, request

app = Flask(__name__)


@app.get("/widgets")
def account():
    if "prefs" not in request.cookies:
        return "missing cookie", 400
    client_value = request.cookies["prefs"]
    os.environ["CORPUS_LAST_VALUE"] = client_value
    subject = os.environ["CORPUS_LAST_VALUE"]
    return subject
