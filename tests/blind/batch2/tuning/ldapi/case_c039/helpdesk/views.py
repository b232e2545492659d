from flask import Blueprint, jsonify, request

from . import ldapclient
from .filters import FilterBuilder

bp = Blueprint("helpdesk", __name__)


@bp.route("/computers")
def computers():
    owner = request.args.get("owner", "")
    fb = FilterBuilder().eq("objectClass", "computer").present("dNSHostName")
    if owner:
        fb.eq("managedBy", owner)
    results = ldapclient.search(fb.build(), attrs=("cn", "dNSHostName"))
    return jsonify([{"dn": dn, "cn": attrs.get("cn", [b""])[0].decode()} for dn, attrs in results])
