"""Dashboard that remembers widget layout in a cookie."""
import base64
import binascii
import logging
import os
import pickle

from flask import Flask, jsonify, make_response, request

log = logging.getLogger(__name__)

DEFAULT_LAYOUT = {"columns": 2, "widgets": ["sales", "traffic"]}
COOKIE_NAME = "dash_layout"


class LayoutCodec:
    @staticmethod
    def dump(layout):
        return base64.urlsafe_b64encode(pickle.dumps(layout)).decode()

    @staticmethod
    def load(blob):
        try:
            return pickle.loads(base64.urlsafe_b64decode(blob))
        except (binascii.Error, pickle.UnpicklingError, EOFError):
            log.info("discarding corrupt layout cookie")
            return None


def create_app():
    app = Flask(__name__)
    app.secret_key = os.environ["SECRET_KEY"]

    @app.route("/dashboard/layout")
    def get_layout():
        blob = request.cookies.get(COOKIE_NAME)
        layout = LayoutCodec.load(blob) if blob else None
        return jsonify(layout or DEFAULT_LAYOUT)

    @app.route("/dashboard/layout", methods=["PUT"])
    def save_layout():
        layout = request.get_json(force=True)
        resp = make_response(jsonify(saved=True))
        resp.set_cookie(COOKIE_NAME, LayoutCodec.dump(layout), secure=True, httponly=True, samesite="Lax")
        return resp

    return app


app = create_app()
