from flask import Blueprint, current_app, jsonify, request
from ldap3 import BASE, Connection, Server
from ldap3.utils.dn import escape_rdn

profiles = Blueprint("profiles", __name__)


def entry_dn(uid):
    return "uid={},{}".format(escape_rdn(uid), current_app.config["PEOPLE_BASE"])


@profiles.route("/profile", methods=["POST"])
def profile():
    uid = request.form.get("uid", "")
    conn = Connection(Server(current_app.config["LDAP_URI"]), "cn=reader,dc=example,dc=com",
                      "reader-pass", auto_bind=True)
    conn.search(entry_dn(uid), "(objectClass=inetOrgPerson)", search_scope=BASE,
                attributes=["cn", "mail", "title"])
    data = conn.entries[0].entry_attributes_as_dict if conn.entries else {}
    conn.unbind()
    return jsonify(data)
