import os

from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


@app.route("/tools", methods=["GET", "POST"])
def open_item():
    supplied = request.values.get("item", "")
    options = {}
    options["current"] = supplied
    field = options.get("current", "")
    session.update({"role": field})
    return jsonify(ok=True)
