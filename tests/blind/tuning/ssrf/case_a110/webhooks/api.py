import json
import urllib.request

from flask import jsonify, request

from . import store


def _verify(url, timeout):
    req = urllib.request.Request(
        url,
        data=json.dumps({"type": "verification"}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return resp.status


def register(app):
    @app.route("/webhooks", methods=["POST"])
    def subscribe():
        body = request.get_json(force=True)
        sub = store.add(body.get("owner", "anon"), body["url"], body.get("events", ["*"]))
        status = _verify(sub["url"], app.config["WEBHOOK_TIMEOUT"])
        return jsonify(subscription=sub, verification_status=status), 201
