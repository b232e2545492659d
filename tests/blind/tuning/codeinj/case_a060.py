from flask import Flask, jsonify, request

app = Flask(__name__)


def evaluate(**options):
    formula = options.pop("formula", "0")
    variables = {k: float(v) for k, v in options.items() if v.replace(".", "", 1).isdigit()}
    return eval(formula, {"__builtins__": None}, variables)


@app.route("/metrics/derived")
def derived_metric():
    params = request.args.to_dict()
    return jsonify(value=evaluate(**params))
