from flask import jsonify

from helpers import *

ISSUED = {}


def register(app):
    @app.route("/downloads/<int:release_id>/link")
    def download_link(release_id):
        token = download_token()
        ISSUED[token] = release_id
        mirror = pick_mirror()
        return jsonify(url=f"{mirror}/releases/{release_id}?t={token}")
