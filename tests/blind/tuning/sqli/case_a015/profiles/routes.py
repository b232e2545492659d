from flask import jsonify, request

from . import profiles_bp
from .store import update_profile


@profiles_bp.route("/<int:user_id>", methods=["PATCH"])
def patch_profile(user_id):
    changes = {}
    changes.update(request.get_json(silent=True) or {})
    changes.pop("user_id", None)
    if not changes:
        return jsonify(error="nothing to update"), 400
    update_profile(user_id, changes)
    return jsonify(updated=sorted(changes))
