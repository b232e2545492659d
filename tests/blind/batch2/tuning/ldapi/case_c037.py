"""Org chart search by department and name."""
import os

from flask import Flask, current_app, jsonify, request
from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
app.config["LDAP_URL"] = os.environ.get("LDAP_URL", "ldap://ldap.example.com")
app.config["LDAP_BASE_DN"] = "ou=people,dc=example,dc=com"


def build_filter(dept, name):
    clauses = ["(objectClass=person)"]
    if dept:
        clauses.append("(departmentNumber=%s)" % dept)
    if name:
        clauses.append("(cn=*%s*)" % name)
    return "(&%s)" % "".join(clauses)


@app.route("/orgchart")
def orgchart():
    dept = escape_filter_chars(request.args.get("dept", ""))
    name = request.args.get("name", "")
    conn = Connection(Server(current_app.config["LDAP_URL"]), auto_bind=True)
    conn.search(current_app.config["LDAP_BASE_DN"], build_filter(dept, name), SUBTREE, attributes=["cn", "title"])
    return jsonify([e.entry_attributes_as_dict for e in conn.entries])
