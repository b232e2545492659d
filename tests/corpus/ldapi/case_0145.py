from ldap3 import SUBTREE, Connection, Server

from flask import Flask, jsonify, request

app = Flask(__name__)

LDAP_SERVER = Server("ldap://ldap.example.internal")


def build_response(selected):
    search_filter = "(|(uid={0})(mail={0}))".format(selected)
    conn = Connection(LDAP_SERVER, auto_bind=True)
    conn.search(search_base="dc=example,dc=org", search_filter=search_filter, search_scope=SUBTREE)
    return jsonify(found=len(conn.entries))


@app.route("/tasks", methods=["POST"])
def inspect():
    arg_value = ""
    for field_name in request.form.keys():
        for field_value in request.form.getlist(field_name):
            if field_value == "chosen":
                arg_value = field_name
    lookup = {"a": arg_value, "b": "const"}
    selected = lookup["b"]
    return build_response(selected)
