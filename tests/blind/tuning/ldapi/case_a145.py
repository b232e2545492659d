from flask import Flask, jsonify, request
from ldap3 import BASE, Connection, Server

app = Flask(__name__)
server = Server("ldaps://ldap.example.com")


@app.route("/accounts/profile", methods=["POST"])
def account_profile():
    uid = request.form.get("uid", "")
    dn = f"uid={uid},ou=people,dc=example,dc=com"
    conn = Connection(server, "cn=reader,dc=example,dc=com", "reader-pass", auto_bind=True)
    conn.search(dn, "(objectClass=*)", search_scope=BASE, attributes=["cn", "mail", "manager"])
    data = conn.entries[0].entry_attributes_as_dict if conn.entries else {}
    conn.unbind()
    return jsonify(data)
