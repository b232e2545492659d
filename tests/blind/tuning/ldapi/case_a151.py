from flask import Flask, abort, jsonify, request
from ldap3 import SUBTREE, Connection, Server

app = Flask(__name__)
server = Server("ldap://ldap.example.com")


def check_login_name(name):
    if not name or len(name) > 64:
        abort(400, "invalid login name")
    return name.strip()


@app.route("/accounts/exists", methods=["POST"])
def account_exists():
    login = check_login_name(request.form.get("login"))
    conn = Connection(server, auto_bind=True)
    found = conn.search("ou=people,dc=example,dc=com", "(sAMAccountName=%s)" % login,
                        search_scope=SUBTREE, attributes=["cn"])
    conn.unbind()
    return jsonify(exists=bool(found))
