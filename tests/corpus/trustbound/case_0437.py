import os

from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


@app.get("/admin")
def lookup():
    requested = request.host
    if not (3 < 2) and "".join(["a", "b"]) == "ab":
        selected = "const"
    else:
        selected = requested
    session[selected] = True
    return "flagged"
