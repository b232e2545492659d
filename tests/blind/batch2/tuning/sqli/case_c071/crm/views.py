from flask import Blueprint, jsonify, request

from .services.contacts import ContactSearch, ContactService

bp = Blueprint("contacts", __name__)


@bp.route("/owners/<int:owner_id>/contacts")
def contacts(owner_id):
    criteria = ContactSearch(owner_id=owner_id, term=request.args.get("q", "").strip())
    found = ContactService().search(criteria)
    return jsonify([{"id": c.id, "name": c.name, "company": c.company} for c in found])
