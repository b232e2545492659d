from flask import Flask, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server

app = Flask(__name__)
LDAP_SERVER = Server("ldap://ldap.example.com", get_info=ALL)
BASE_DN = "ou=people,dc=example,dc=com"


def connection():
    return Connection(LDAP_SERVER, "cn=reader,dc=example,dc=com", "reader-pass", auto_bind=True)


@app.route("/directory/user")
def find_user():
    username = request.args.get("username", "")
    conn = connection()
    conn.search(BASE_DN, f"(&(objectClass=inetOrgPerson)(uid={username}))",
                search_scope=SUBTREE, attributes=["cn", "mail", "telephoneNumber"])
    entries = [e.entry_attributes_as_dict for e in conn.entries]
    conn.unbind()
    return jsonify(entries)
