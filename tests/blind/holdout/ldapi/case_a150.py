from flask import Flask, abort, jsonify, request
from ldap3 import SUBTREE, Connection, Server

app = Flask(__name__)
server = Server("ldap://ldap.example.com")


@app.route("/posix/account")
def posix_account():
    raw = request.args.get("uidNumber", "")
    try:
        number = int(raw)
    except ValueError:
        abort(400)
    conn = Connection(server, auto_bind=True)
    conn.search("ou=people,dc=example,dc=com", "(&(objectClass=posixAccount)(uidNumber=%d))" % number,
                search_scope=SUBTREE, attributes=["uid", "homeDirectory", "loginShell"])
    result = [e.entry_attributes_as_dict for e in conn.entries]
    conn.unbind()
    return jsonify(result)
