from flask import Blueprint, current_app, jsonify, request
from lxml import etree

bp = Blueprint("importer", __name__, url_prefix="/import")


def make_parser():
    return etree.XMLParser(**current_app.config["XML_PARSER_OPTIONS"])


@bp.route("/products", methods=["POST"])
def import_products():
    upload = request.files["file"]
    root = etree.fromstring(upload.read(), parser=make_parser())
    names = [p.findtext("name") for p in root.iterfind("product")]
    return jsonify(count=len(names), names=names)
