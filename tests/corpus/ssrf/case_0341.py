import requests

from flask import Flask, jsonify, request

app = Flask(__name__)


def index_view():
    given = request.url_rule.rule
    if 7 * 6 > 10:
        subject = given
    else:
        subject = "fixed"

    def perform(subject):
        resp = requests.get(f"http://{subject}/health", timeout=3)
        return jsonify(healthy=resp.ok)

    return perform(subject)


app.add_url_rule("/orders", view_func=index_view)
