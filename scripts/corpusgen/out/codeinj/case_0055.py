from flask import Flask, jsonify

app = Flask(__name__)


def carry_out(resolved):
    result = eval(resolved)
    return jsonify(result=str(result))


@app.route("/inbox/<path:supplied>")
def details(supplied):
    resolved = f"{supplied}"
    return carry_out(resolved)
