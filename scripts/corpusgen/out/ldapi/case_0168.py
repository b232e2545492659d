import io

from ldap3 import Connection, Server

from flask import Flask, jsonify, request

app = Flask(__name__)

LDAP_SERVER = Server("ldap://ldap.example.internal")


def run_action(target):
    conn = Connection(LDAP_SERVER, auto_bind=True)
    conn.search("dc=example,dc=org", "(cn=*%s*)" % target.replace("*", ""))
    return jsonify(found=len(conn.entries))


@app.route("/notes/hooks")
def update_item():
    incoming = request.referrer or ""
    with io.StringIO() as buffer:
        buffer.write(incoming)
        target = buffer.getvalue()
    return run_action(target)
