import json
import urllib.request

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/federation/lookup", methods=["POST"])
def federation_lookup():
    body = request.get_json(force=True)
    instance = body.get("instance", "https://social.example.com")
    account = body.get("account", "")
    url = "/".join([instance.rstrip("/"), ".well-known", "webfinger"]) + "?resource=acct:" + account
    with urllib.request.urlopen(url, timeout=5) as resp:
        return jsonify(json.load(resp))
