import ldap
import ldap.dn
from flask import Flask, jsonify, request

app = Flask(__name__)
BASE = "ou=groups,dc=example,dc=com"


@app.route("/groups/members")
def group_members():
    group = ldap.dn.escape_dn_chars(request.args.get("group", ""))
    conn = ldap.initialize("ldap://ldap.example.com")
    conn.simple_bind_s("cn=reader,dc=example,dc=com", "reader-pass")
    results = conn.search_s(BASE, ldap.SCOPE_SUBTREE, "(&(objectClass=groupOfNames)(cn=%s))" % group,
                            ["member"])
    conn.unbind_s()
    members = []
    for _dn, attrs in results:
        members.extend(m.decode() for m in attrs.get("member", []))
    return jsonify(group=group, members=members)
