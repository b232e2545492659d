import math

from flask import Flask, jsonify, request

app = Flask(__name__)

ALLOWED_NAMES = {name: getattr(math, name) for name in ("sqrt", "sin", "cos", "pi", "log")}


@app.route("/plot/point", methods=["POST"])
def plot_point():
    formula = request.form.get("formula", "x")
    x = float(request.form.get("x", "0"))
    scope = dict(ALLOWED_NAMES, x=x)
    y = eval(formula, {"__builtins__": {}}, scope)
    return jsonify(x=x, y=y)
