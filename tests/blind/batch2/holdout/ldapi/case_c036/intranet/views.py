from flask import Blueprint, abort, current_app, jsonify, request

from .groups import GROUP_DNS, GroupDirectory

bp = Blueprint("groups", __name__, url_prefix="/groups")


@bp.route("/<group>/members")
def members(group):
    if group not in GROUP_DNS:
        abort(404)
    prefix = request.args.get("prefix", "")[:64]
    return jsonify(members=GroupDirectory(current_app.config).members(group, prefix))
