import os

from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


class Action:
    def apply(self, target):
        session.setdefault("history", []).append(target)
        session.modified = True
        return jsonify(size=len(session["history"]))


@app.route("/users/account", methods=["POST"])
def dashboard():
    payload = request.get_json(silent=True) or {}
    user_input = str(payload.get("value", ""))
    target = ""
    idx = 0
    while idx < len(user_input):
        target += user_input[idx]
        idx += 1
    return Action().apply(target)
