from flask import Blueprint, current_app, jsonify, request

from .fetch import DisallowedURL, download_feed

bp = Blueprint("importer", __name__)


@bp.route("/feeds/import", methods=["POST"])
def import_feed():
    url = request.form.get("feed_url", "")
    try:
        data = download_feed(url, current_app.config["FEED_HOSTS"])
    except DisallowedURL as exc:
        return jsonify(error=str(exc)), 400
    return jsonify(bytes=len(data))
