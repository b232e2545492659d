import os

from flask import jsonify, request


def init(app):
    @app.route("/media/delete", methods=["POST"])
    def delete_media():
        body = request.get_json(force=True)
        removed = []
        for relpath in body.get("paths", []):
            full = os.path.join(app.config["MEDIA_ROOT"], relpath)
            if os.path.exists(full):
                os.remove(full)
                removed.append(relpath)
        return jsonify(removed=removed)
