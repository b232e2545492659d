import xml.sax

from flask import Blueprint, abort, jsonify, request

from .parsers import parse_products

bp = Blueprint("feeds", __name__)


@bp.route("/feeds/products", methods=["POST"])
def upload_feed():
    upload = request.files.get("feed")
    if upload is None:
        abort(400)
    try:
        products = parse_products(upload.read())
    except xml.sax.SAXParseException:
        abort(400)
    return jsonify(count=len(products), sample=products[:5])
