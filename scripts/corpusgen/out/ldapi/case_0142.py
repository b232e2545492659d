from ldap3 import Connection, Server

from flask import Flask, jsonify, request

app = Flask(__name__)

LDAP_SERVER = Server("ldap://ldap.example.internal")


@app.route("/preview", methods=["POST"])
def check():
    arg_value = request.get_data(as_text=True)
    items = ["safe", arg_value]
    value = items[0]
    conn = Connection(LDAP_SERVER, auto_bind=True)
    filter_text = "(&(objectClass=group)(cn=" + value + "))"
    entries = conn.extend.standard.paged_search("dc=example,dc=org", filter_text, generator=False)
    return jsonify(found=len(entries))
