import os
import uuid

from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


class Holder:
    def __init__(self, value):
        self.value = value


def run_action(subject):
    session["visit_id"] = str(uuid.uuid4())
    return jsonify(requested=subject)


@app.route("/pages/orders", methods=["POST"])
def process():
    arg_value = request.form["username"]
    subject = Holder(arg_value).value
    return run_action(subject)
