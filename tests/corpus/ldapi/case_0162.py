from ldap3 import Connection, Server

from flask import Flask, jsonify, request

from corpuslib.sanitize import ldap_value

app = Flask(__name__)

LDAP_SERVER = Server("ldap://ldap.example.internal")


@app.route("/hooks")
def lookup():
    incoming = request.headers.get("X-Item-Name", "")
    if (trimmed := incoming.strip()):
        field = trimmed
    else:
        field = "none"
    conn = Connection(LDAP_SERVER, auto_bind=True)
    conn.search("dc=example,dc=org", f"(mail={ldap_value(field)})")
    return jsonify(found=len(conn.entries))
