import re

import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
PARTNER_URL = re.compile(r"https://[a-z0-9-]+\.partners\.example\.com")


@app.route("/partners/ping", methods=["POST"])
def ping_partner():
    url = request.form.get("endpoint", "")
    if not PARTNER_URL.match(url):
        abort(400)
    r = requests.post(url, json={"ping": True}, timeout=3)
    return jsonify(status=r.status_code)
