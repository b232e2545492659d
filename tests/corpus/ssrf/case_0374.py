from urllib.parse import quote

import requests

from flask import Flask, jsonify, request

from corpuslib.registry import formatter_for

app = Flask(__name__)


def respond_with(chosen):
    resp = requests.get("https://api.example.com/users/" + quote(chosen, safe=""), timeout=5)
    return jsonify(status=resp.status_code)


@app.route("/search/widgets")
def index_view():
    incoming = request.full_path.partition("?")[2]
    chosen = formatter_for("label")(incoming).render()
    return respond_with(chosen)
