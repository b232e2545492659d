from flask import jsonify, request

from .tagging import with_device_cookie


def init_app(app):
    @app.route("/devices/trust", methods=["POST"])
    @with_device_cookie
    def trust_device():
        return jsonify(trusted=request.cookies.get("device_id") is not None)
