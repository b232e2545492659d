import base64
import binascii

from flask import Blueprint, abort, jsonify, request
from lxml import etree

from .xmlsec import parse_assertion

bp = Blueprint("sso", __name__)
NS = {"saml": "urn:oasis:names:tc:SAML:2.0:assertion"}


@bp.route("/acs", methods=["POST"])
def assertion_consumer():
    try:
        raw = base64.b64decode(request.form["SAMLResponse"], validate=True)
        root = parse_assertion(raw)
    except (KeyError, binascii.Error, ValueError, etree.XMLSyntaxError):
        abort(400)
    # signature verification happens in the xmlsec middleware before this view
    return jsonify(name_id=root.findtext(".//saml:NameID", namespaces=NS))
