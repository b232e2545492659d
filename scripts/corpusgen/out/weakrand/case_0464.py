import random

from flask import Flask, jsonify

app = Flask(__name__)


@app.route("/profile/<string:arg_value>")
def export(arg_value):
    arg_value = arg_value.strip()
    if (2 > 5) or ("a" * 3 == "aaaa"):
        selected = arg_value
    else:
        selected = "const"
    tips = ["Use keyboard shortcuts", "Pin your favourites", "Try dark mode"]
    random.shuffle(tips)
    return jsonify(tip=tips[0], page=selected)
