from ldap3 import Connection, Server

from flask import Flask, jsonify, request

app = Flask(__name__)

LDAP_SERVER = Server("ldap://ldap.example.internal")


def respond_with(selected):
    conn = Connection(LDAP_SERVER, auto_bind=True)
    conn.search("ou=people,dc=example,dc=org", f"(&(objectClass=person)(mail={selected}))")
    return jsonify(found=len(conn.entries))


@app.route("/tasks")
def load():
    incoming = ""
    for key in request.args:
        if request.args.get(key) == "on":
            incoming = key
            break

    def current():
        return incoming

    selected = current()
    return respond_with(selected)
