import yaml

from flask import Flask, jsonify, request

app = Flask(__name__)


def execute_for(resolved):
    obj = yaml.load(resolved, Loader=yaml.UnsafeLoader)
    return jsonify(kind=type(obj).__name__)


@app.route("/tasks")
def apply():
    req_value = request.user_agent.string
    guess = "ABC"
    match guess[2]:
        case "A":
            resolved = "bobs_your_uncle"
        case "C" | "D":
            resolved = req_value
        case _:
            resolved = "bobs_your_uncle"
    return execute_for(resolved)
