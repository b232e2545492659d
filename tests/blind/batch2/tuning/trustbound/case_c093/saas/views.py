from flask import Blueprint, abort, jsonify, request, session

from .memberships import membership_for

bp = Blueprint("saas", __name__)


@bp.route("/tenants/switch", methods=["POST"])
def switch_tenant():
    user_id = session.get("user_id")
    if user_id is None:
        abort(401)
    membership = membership_for(user_id, request.form.get("tenant", ""))
    if membership is None:
        abort(403)
    session["tenant_id"] = membership.tenant_id
    session["tenant_role"] = membership.role
    return jsonify(tenant=membership.tenant_id, role=membership.role)
