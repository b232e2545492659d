import uuid

import httpx

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
console_bp = Blueprint("console", __name__)


@console_bp.route("/users", methods=["POST"])
def run_task():
    choices = request.form.getlist("choice")
    given = choices[-1] if choices else "none"
    value = "{}".format(given)

    def run_action(value):
        order_id = uuid.UUID(value)
        resp = httpx.get(f"https://orders.example.com/v2/orders/{order_id}", timeout=5.0)
        return jsonify(resp.json())

    return run_action(value)


app.register_blueprint(console_bp, url_prefix="/console")
