from flask import Blueprint, Response, abort, current_app, request

bp = Blueprint("img", __name__)


@bp.route("/img")
def image():
    path = request.args.get("p", "")
    if not path:
        abort(400)
    content_type, body = current_app.extensions["origin"].get(path)
    return Response(body, content_type=content_type)
