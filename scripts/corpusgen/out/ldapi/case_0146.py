from ldap3 import Connection, Server

from flask import Flask, jsonify, request

app = Flask(__name__)

LDAP_SERVER = Server("ldap://ldap.example.internal")


def handle_value(value):
    conn = Connection(LDAP_SERVER, auto_bind=True)
    conn.search("dc=example,dc=org", "(uidNumber=%d)" % int(value))
    return jsonify(found=len(conn.entries))


@app.route("/export")
def account():
    auth = request.authorization
    given = auth.username if auth and auth.username else "anonymous"
    value = "{}".format(given)
    return handle_value(value)
