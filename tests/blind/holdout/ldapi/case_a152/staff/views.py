from flask import Blueprint, current_app, jsonify, request

from . import directory

bp = Blueprint("staff", __name__, url_prefix="/staff")


@bp.route("/search")
def search():
    criteria = request.args.to_dict()
    cfg = current_app.config
    return jsonify(directory.find(cfg["LDAP_URI"], cfg["LDAP_BASE"], **criteria))
