from flask import Blueprint, jsonify, request

from .prefs import set_page_size, set_sort

bp = Blueprint("catalog", __name__)


@bp.route("/catalog/view-options", methods=["POST"])
def view_options():
    return jsonify(
        page_size=set_page_size(request.form.get("page_size")),
        sort=set_sort(request.form.get("sort")),
    )
