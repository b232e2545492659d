import math

from flask import Flask, abort, jsonify, request

app = Flask(__name__)

FORMULAS = {
    "linear": "2 * x + 1",
    "square": "x ** 2",
    "wave": "sin(x) * 10",
}


@app.route("/plot/point", methods=["POST"])
def plot_point():
    name = request.form.get("formula", "linear")
    if name not in FORMULAS:
        abort(404)
    x = float(request.form.get("x", "0"))
    y = eval(FORMULAS[name], {"__builtins__": {}, "sin": math.sin}, {"x": x})
    return jsonify(formula=name, x=x, y=y)
