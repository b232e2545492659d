"""Geocoding passthrough: the user's text is only ever a query parameter."""
import os

import requests
from flask import Flask, abort, current_app, jsonify, request

GEOCODER_URL = "https://geocoder.example.com/v1/search"


def create_app():
    app = Flask(__name__)
    app.config["GEOCODER_KEY"] = os.environ.get("GEOCODER_KEY", "")

    @app.route("/geocode")
    def geocode():
        q = request.args.get("q", "").strip()
        if not q:
            abort(400)
        resp = requests.get(
            GEOCODER_URL,
            params={"q": q, "limit": 5, "key": current_app.config["GEOCODER_KEY"]},
            timeout=5,
        )
        if resp.status_code != 200:
            return jsonify(error="geocoder unavailable"), 502
        return jsonify(results=resp.json().get("features", []))

    return app


app = create_app()
