from flask import Blueprint, abort, current_app, jsonify, request

from .directory import DirectoryService, InvalidEmail

bp = Blueprint("directory", __name__, url_prefix="/directory")


@bp.route("/lookup", methods=["POST"])
def lookup():
    email = (request.json or {}).get("email", "")
    svc = DirectoryService.from_config(current_app.config)
    try:
        people = svc.find_by_email(email)
    except InvalidEmail:
        abort(400)
    return jsonify(people=people)
