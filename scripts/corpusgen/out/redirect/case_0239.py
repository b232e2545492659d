import os

from flask import Flask, redirect, request, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        session["next_url"] = request.args.get("next", "/")
        return '<form method="post"><input name="user"><button>Sign in</button></form>'
    session["user"] = "member"
    return redirect(session.pop("next_url", "/"))
