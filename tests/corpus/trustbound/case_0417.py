import os

from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


@app.route("/preferences", methods=["POST"])
def save_preferences():
    session.update(request.form)
    return jsonify(saved=sorted(request.form.keys()))
