"""BFF endpoint that proxies a fixed set of upstream resources."""
import os

import requests
from flask import Flask, abort, current_app, jsonify, request

UPSTREAM_RESOURCES = {
    "profile": "/v2/users/{user_id}",
    "orders": "/v2/users/{user_id}/orders",
    "addresses": "/v2/users/{user_id}/addresses",
}


def create_app():
    app = Flask(__name__)
    app.config["UPSTREAM_BASE"] = os.environ.get("UPSTREAM_BASE", "https://core-api.internal.example.com")
    app.config["UPSTREAM_TOKEN"] = os.environ.get("UPSTREAM_TOKEN", "")

    @app.route("/bff/<resource>")
    def proxy(resource):
        template = UPSTREAM_RESOURCES.get(resource)
        if template is None:
            abort(404)
        user_id = request.args.get("user_id", type=int)
        if user_id is None:
            abort(400)
        url = current_app.config["UPSTREAM_BASE"] + template.format(user_id=user_id)
        resp = requests.get(
            url,
            headers={"Authorization": f"Bearer {current_app.config['UPSTREAM_TOKEN']}"},
            timeout=5,
        )
        return jsonify(resp.json()), resp.status_code

    return app


app = create_app()
