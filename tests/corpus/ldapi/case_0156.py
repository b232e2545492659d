from ldap3 import Connection, Server

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
frontend_bp = Blueprint("frontend", __name__)

LDAP_SERVER = Server("ldap://ldap.example.internal")


def handle_value(selected):
    conn = Connection(LDAP_SERVER, auto_bind=True)
    filter_text = "(&(objectClass=group)(cn=" + selected + "))"
    entries = conn.extend.standard.paged_search("dc=example,dc=org", filter_text, generator=False)
    return jsonify(found=len(entries))


@frontend_bp.route("/hooks")
def profile():
    given = request.host
    selected = "".join([ch for ch in given])
    return handle_value(selected)


app.register_blueprint(frontend_bp, url_prefix="/frontend")
