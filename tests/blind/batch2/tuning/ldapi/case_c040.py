"""Shared mailbox lookup using python-ldap's filter_format."""
import os

import ldap
from ldap.filter import filter_format
from flask import Flask, abort, current_app, jsonify, request

app = Flask(__name__)
app.config["LDAP_URI"] = os.environ.get("LDAP_URI", "ldaps://ldap.example.com")
app.config["LDAP_BASE"] = "ou=mailboxes,dc=example,dc=com"


@app.route("/mailboxes")
def mailboxes():
    cn = request.args.get("cn")
    if not cn:
        abort(400)
    flt = filter_format("(&(objectClass=mailbox)(cn=%s))", [cn])
    conn = ldap.initialize(current_app.config["LDAP_URI"])
    try:
        conn.simple_bind_s()
        rows = conn.search_s(current_app.config["LDAP_BASE"], ldap.SCOPE_SUBTREE, flt, ["cn", "mail"])
    finally:
        conn.unbind_s()
    return jsonify([dn for dn, _ in rows])
