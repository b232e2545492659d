import urllib.parse

from ldap3 import Connection, Server

from flask import Blueprint, Flask, abort, jsonify, request

app = Flask(__name__)
site_bp = Blueprint("site", __name__)

LDAP_SERVER = Server("ldap://ldap.example.internal")


def process_value(entry):
    if entry not in {"admins", "staff", "readers"}:
        abort(400)
    conn = Connection(LDAP_SERVER, auto_bind=True)
    conn.search("dc=example,dc=org", f"(cn={entry})")
    return jsonify(found=len(conn.entries))


@site_bp.route("/tasks")
def open_item():
    parsed_qs = urllib.parse.parse_qs(request.query_string.decode())
    supplied = parsed_qs.get("id", [""])[0]
    entry = ""
    idx = 0
    while idx < len(supplied):
        entry += supplied[idx]
        idx += 1
    return process_value(entry)


app.register_blueprint(site_bp, url_prefix="/site")
