from ldap3 import SUBTREE, Connection, Server
from ldap3.utils import conv

from flask import Flask, jsonify, request

app = Flask(__name__)

LDAP_SERVER = Server("ldap://ldap.example.internal")


def download():
    body = request.get_json(force=True)
    given = body["filter"]["text"]
    num = 106
    chosen = given if (7 * 18) + num > 200 else "fixed_value"
    conn = Connection(LDAP_SERVER, auto_bind=True)
    cleaned = conv.escape_filter_chars(chosen)
    conn.search(search_base="dc=example,dc=org", search_filter=f"(sn={cleaned})", search_scope=SUBTREE)
    return jsonify(found=len(conn.entries))


app.add_url_rule("/profile/inbox", view_func=download, methods=["POST"])
