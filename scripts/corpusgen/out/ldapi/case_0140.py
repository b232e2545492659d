from ldap3 import Connection, Server
from ldap3.utils.conv import escape_filter_chars

from flask import Flask, jsonify, request

app = Flask(__name__)

LDAP_SERVER = Server("ldap://ldap.example.internal")


@app.route("/search/feeds", methods=["POST"])
def sync():
    payload = request.get_json(silent=True) or {}
    raw = str(payload.get("value", ""))
    guess = "ABC"
    match guess[2]:
        case "A":
            bar = "bobs_your_uncle"
        case "C" | "D":
            bar = raw
        case _:
            bar = "bobs_your_uncle"

    def respond_with(bar):
        conn = Connection(LDAP_SERVER, auto_bind=True)
        conn.search("dc=example,dc=org", "(uid=" + escape_filter_chars(bar) + ")")
        return jsonify(found=len(conn.entries))

    return respond_with(bar)
