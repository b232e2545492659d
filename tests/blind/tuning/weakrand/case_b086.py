import random

from flask import Flask, jsonify

app = Flask(__name__)

TIPS = [
    "Use keyboard shortcuts to move faster.",
    "You can pin projects to the sidebar.",
    "Dark mode lives under Settings > Appearance.",
    "Drag files straight onto a task to attach them.",
]


@app.route("/tips")
def tips():
    order = TIPS[:]
    random.shuffle(order)
    return jsonify(tip_of_the_day=order[0], more=order[1:3])
