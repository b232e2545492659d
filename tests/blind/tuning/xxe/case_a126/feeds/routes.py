import defusedxml.ElementTree as ET
from flask import Blueprint, jsonify, request

bp = Blueprint("feeds", __name__)


@bp.route("/parse", methods=["POST"])
def parse_feed():
    root = ET.fromstring(request.get_data())
    items = [
        {"title": item.findtext("title"), "link": item.findtext("link")}
        for item in root.iter("item")
    ]
    return jsonify(count=len(items), items=items)
