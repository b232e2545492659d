import ldap
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/me/apps")
def my_apps():
    team = request.cookies.get("team", "everyone")
    conn = ldap.initialize("ldap://ldap.example.com")
    conn.simple_bind_s("cn=reader,dc=example,dc=com", "reader-pass")
    flt = "(&(objectClass=applicationEntity)(allowedGroup=%s))" % team
    res = conn.search_s("ou=apps,dc=example,dc=com", ldap.SCOPE_SUBTREE, flt, ["cn", "labeledURI"])
    conn.unbind_s()
    return jsonify([a.get("cn", [b""])[0].decode() for _, a in res])
