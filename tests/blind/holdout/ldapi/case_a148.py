import re

import ldap
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
USERNAME = re.compile(r"[a-z][a-z0-9._-]{1,31}")


def ldap_conn():
    conn = ldap.initialize("ldap://ldap.example.com")
    conn.simple_bind_s("cn=reader,dc=example,dc=com", "reader-pass")
    return conn


@app.route("/directory/lookup")
def lookup():
    username = request.args.get("username", "").lower()
    if USERNAME.fullmatch(username) is None:
        abort(400)
    conn = ldap_conn()
    try:
        res = conn.search_s("ou=people,dc=example,dc=com", ldap.SCOPE_ONELEVEL,
                            "(uid=%s)" % username, ["cn", "mail"])
    finally:
        conn.unbind_s()
    return jsonify([{k: [v.decode() for v in vals] for k, vals in a.items()} for _, a in res])
