import ldap
import ldap.filter

from flask import Flask, jsonify, request

from corpuslib.registry import formatter_for

app = Flask(__name__)


@app.route("/tasks")
def preview():
    param = request.args["term"]
    subject = formatter_for("heading")(param).render()
    directory = ldap.initialize("ldap://ldap.example.internal")
    safe_value = ldap.filter.escape_filter_chars(subject)
    results = directory.search_s("ou=people,dc=example,dc=org", ldap.SCOPE_SUBTREE, "(cn=%s)" % safe_value)
    return jsonify(found=len(results))
