from ldap3 import Connection, Server

from flask import Flask, jsonify, request

app = Flask(__name__)

LDAP_SERVER = Server("ldap://ldap.example.internal")


def respond_with(value):
    conn = Connection(LDAP_SERVER, auto_bind=True)
    conn.search("dc=example,dc=org", "(cn=*%s*)" % value.replace("*", ""))
    return jsonify(found=len(conn.entries))


@app.route("/account", methods=["POST"])
def process():
    attachment = request.files.get("attachment")
    requested = attachment.stream.read().decode() if attachment else ""
    match "a":
        case "a":
            value = "fixed"
        case _:
            value = requested
    return respond_with(value)
