"""Dashboard layout stored client-side, signed JSON via itsdangerous."""
import os

from flask import Flask, current_app, jsonify, make_response, request
from itsdangerous import BadSignature, URLSafeSerializer

DEFAULT_LAYOUT = {"columns": 2, "widgets": ["sales", "traffic"]}
COOKIE_NAME = "dash_layout"


def _serializer():
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="dashboard-layout")


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]

    @app.route("/dashboard/layout")
    def get_layout():
        blob = request.cookies.get(COOKIE_NAME)
        layout = DEFAULT_LAYOUT
        if blob:
            try:
                layout = _serializer().loads(blob)
            except BadSignature:
                current_app.logger.info("tampered layout cookie")
        return jsonify(layout)

    @app.route("/dashboard/layout", methods=["PUT"])
    def save_layout():
        layout = request.get_json(force=True)
        resp = make_response(jsonify(saved=True))
        resp.set_cookie(COOKIE_NAME, _serializer().dumps(layout), secure=True, httponly=True, samesite="Lax")
        return resp

    return app


app = create_app()
