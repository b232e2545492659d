import string

import ldap

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/catalog", methods=["POST"])
def process():
    arg_value = request.files["document"].read().decode("utf-8", "ignore")
    subject = string.Template("$x").substitute(x=arg_value)
    directory = ldap.initialize("ldap://ldap.example.internal")
    results = directory.search_s("ou=people,dc=example,dc=org", ldap.SCOPE_SUBTREE, "(cn=%s)" % subject)
    return jsonify(found=len(results))
