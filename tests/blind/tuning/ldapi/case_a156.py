from flask import Flask, jsonify, request
from ldap3 import SUBTREE, Connection, Server

app = Flask(__name__)
server = Server("ldap://ldap.example.com")

_FILTER_ESCAPES = {"\\": r"\5c", "*": r"\2a", "(": r"\28", ")": r"\29", "\x00": r"\00"}


def ldap_quote(value):
    return "".join(_FILTER_ESCAPES.get(ch, ch) for ch in value)


@app.route("/directory/user")
def find_user():
    username = request.args.get("username", "")
    conn = Connection(server, auto_bind=True)
    conn.search("ou=people,dc=example,dc=com",
                f"(&(objectClass=inetOrgPerson)(uid={ldap_quote(username)}))",
                search_scope=SUBTREE, attributes=["cn", "mail", "telephoneNumber"])
    entries = [e.entry_attributes_as_dict for e in conn.entries]
    conn.unbind()
    return jsonify(entries)
