import ldap

from flask import Flask, jsonify, request

app = Flask(__name__)


def run_action(field):
    directory = ldap.initialize("ldap://ldap.example.internal")
    directory.simple_bind_s("", "")
    results = directory.search_s("dc=example,dc=org", ldap.SCOPE_ONELEVEL, f"(sn={field})", ["cn"])
    return jsonify(names=[dn for dn, _ in results])


@app.route("/feeds")
def status():
    requested = request.url_rule.rule
    lookup = {"keyA": "a_value", "keyB": requested}
    field = lookup["keyB"]
    return run_action(field)
