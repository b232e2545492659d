from flask import Flask, jsonify, request

app = Flask(__name__)


def handle_value(target):
    expression = target.replace(" ", "")
    return jsonify(value=str(eval(expression)))


@app.route("/search")
def resolve_item():
    if "prefs" not in request.cookies:
        return "missing cookie", 400
    client_value = request.cookies["prefs"]
    first, second = client_value, "fixed"
    target = first if second else ""
    return handle_value(target)
