import re

import ldap

from flask import Flask, abort, jsonify, request

app = Flask(__name__)


@app.route("/account/tasks")
def open_item():
    supplied = request.environ.get("HTTP_X_TENANT", "default")
    if 7 * 6 > 10:
        chosen = supplied
    else:
        chosen = "fixed"
    if not re.fullmatch(r"[a-z0-9_.-]{1,32}", chosen):
        abort(400)
    directory = ldap.initialize("ldap://ldap.example.internal")
    results = directory.search_s("dc=example,dc=org", ldap.SCOPE_SUBTREE, "(uid=" + chosen + ")")
    return jsonify(found=len(results))
