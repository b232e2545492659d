import ldap
from ldap.filter import filter_format
from flask import Flask, jsonify, request

app = Flask(__name__)
BASE = "ou=groups,dc=example,dc=com"


@app.route("/groups/members")
def group_members():
    group = request.args.get("group", "")
    conn = ldap.initialize("ldap://ldap.example.com")
    conn.simple_bind_s("cn=reader,dc=example,dc=com", "reader-pass")
    flt = filter_format("(&(objectClass=groupOfNames)(cn=%s))", [group])
    results = conn.search_s(BASE, ldap.SCOPE_SUBTREE, flt, ["member"])
    conn.unbind_s()
    members = []
    for _dn, attrs in results:
        members.extend(m.decode() for m in attrs.get("member", []))
    return jsonify(group=group, members=members)
