import os

import ldap

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/users", methods=["POST"])
def download():
    user_input = request.form.get("comment", "")
    os.environ["CORPUS_LAST_VALUE"] = user_input
    entry = os.environ["CORPUS_LAST_VALUE"]
    directory = ldap.initialize("ldap://ldap.example.internal")
    directory.simple_bind_s("", "")
    results = directory.search_s("dc=example,dc=org", ldap.SCOPE_ONELEVEL, f"(sn={entry})", ["cn"])
    return jsonify(names=[dn for dn, _ in results])
