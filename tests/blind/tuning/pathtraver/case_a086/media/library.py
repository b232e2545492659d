import os

from flask import jsonify


def init(app):
    @app.route("/media")
    def list_media():
        return jsonify(sorted(os.listdir(app.config["MEDIA_ROOT"])))
