from flask import Blueprint, abort, g, jsonify, session

bp = Blueprint("saas", __name__)

INVOICES = {
    "acme": [{"id": 1, "total": 120}],
    "globex": [{"id": 7, "total": 9900}],
}


@bp.route("/invoices")
def invoices():
    if "user_id" not in session or g.tenant_id is None:
        abort(401)
    return jsonify(INVOICES.get(g.tenant_id, []))
