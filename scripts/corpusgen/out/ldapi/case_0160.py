import html

from ldap3 import Connection, Server

from flask import Flask, jsonify, request

app = Flask(__name__)


class Holder:
    def __init__(self, value):
        self.value = value


LDAP_SERVER = Server("ldap://ldap.example.internal")


@app.get("/docs/items")
def fetch_page():
    arg_value = request.headers["X-Requested-Resource"]
    holder = Holder(arg_value)
    holder.value = "const"
    selected = holder.value
    conn = Connection(LDAP_SERVER, auto_bind=True)
    conn.search("dc=example,dc=org", "(cn=" + html.escape(selected) + ")")
    return jsonify(found=len(conn.entries))
