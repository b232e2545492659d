from flask import Flask, jsonify, request

app = Flask(__name__)

PRICES = [12.5, 8.0, 99.99, 4.25]


@app.route("/pricing/preview", methods=["POST"])
def preview():
    rule = request.get_json(force=True)
    body = rule.get("adjust", "p")
    adjust = eval("lambda p: " + body)
    return jsonify(prices=[round(adjust(p), 2) for p in PRICES])
