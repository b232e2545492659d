from urllib.parse import urlsplit

import requests
from flask import Blueprint, abort, jsonify, request


def make_blueprint(trusted_hosts):
    bp = Blueprint("integrations", __name__, url_prefix="/integrations")

    def host_ok(value):
        return urlsplit(value).hostname in trusted_hosts

    @bp.route("/notify", methods=["POST"])
    def notify():
        callback_host = request.form.get("callback_host", "")
        target = request.form.get("target_url", "")
        if not host_ok("https://" + callback_host):
            abort(400, "untrusted callback host")
        r = requests.post(target, data={"event": "build.finished"}, timeout=5)
        return jsonify(delivered=r.ok)

    return bp
