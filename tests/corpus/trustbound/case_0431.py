import os

from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


def run_action(resolved):
    app.logger.info("login attempt for %s", resolved)
    session["username"] = "guest"
    return "stored"


@app.route("/feeds/profile")
def check():
    query = request.args.to_dict()
    param = query.get("name", "")
    values = ["alpha", param, "omega"]
    resolved = values[1]
    return run_action(resolved)
