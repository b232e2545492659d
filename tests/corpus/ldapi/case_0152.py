from ldap3 import SUBTREE, Connection, Server

from flask import Flask, jsonify, request

app = Flask(__name__)

LDAP_SERVER = Server("ldap://ldap.example.internal")


@app.route("/items/feeds", methods=["POST"])
def browse():
    requested = request.form["username"]
    mapping = {k: requested for k in ("primary", "secondary")}
    bar = mapping["secondary"]
    search_filter = "(|(uid={0})(mail={0}))".format(bar)
    conn = Connection(LDAP_SERVER, auto_bind=True)
    conn.search(search_base="dc=example,dc=org", search_filter=search_filter, search_scope=SUBTREE)
    return jsonify(found=len(conn.entries))
