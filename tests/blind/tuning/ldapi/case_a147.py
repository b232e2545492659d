import ldap
from flask import Flask, jsonify, request

app = Flask(__name__)


def ldap_conn():
    conn = ldap.initialize("ldap://ldap.example.com")
    conn.set_option(ldap.OPT_REFERRALS, 0)
    conn.simple_bind_s("cn=reader,dc=example,dc=com", "reader-pass")
    return conn


@app.route("/directory/autocomplete")
def autocomplete():
    q = request.args.get("q", "").strip()
    flt = "(&(objectClass=person)(|(cn=" + q + "*)(mail=" + q + "*)))"
    conn = ldap_conn()
    try:
        res = conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, flt, ["cn", "mail"])
    finally:
        conn.unbind_s()
    return jsonify([
        {"cn": a.get("cn", [b""])[0].decode(), "mail": a.get("mail", [b""])[0].decode()}
        for _, a in res
    ])
