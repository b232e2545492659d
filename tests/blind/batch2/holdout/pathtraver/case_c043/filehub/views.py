from flask import Blueprint, Response, abort, current_app

bp = Blueprint("files", __name__)


def storage():
    return current_app.extensions["storage"]


@bp.route("/<path:key>")
def get_file(key):
    if not storage().exists(key):
        abort(404)
    data, mimetype = storage().read(key)
    return Response(data, mimetype=mimetype)
