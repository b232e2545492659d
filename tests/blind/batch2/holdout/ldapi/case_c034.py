"""Staff directory lookup; filter values are escaped per RFC 4515."""
import os

from flask import Flask, abort, current_app, jsonify, request
from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

SEARCHABLE = {"uid": "uid", "mail": "mail", "name": "cn"}


def create_app():
    app = Flask(__name__)
    app.config.update(
        LDAP_URL=os.environ.get("LDAP_URL", "ldaps://ldap.example.com"),
        LDAP_BIND_DN=os.environ.get("LDAP_BIND_DN", ""),
        LDAP_BIND_PASSWORD=os.environ.get("LDAP_BIND_PASSWORD", ""),
        LDAP_BASE_DN="ou=people,dc=example,dc=com",
    )

    @app.route("/directory/search")
    def search():
        field = SEARCHABLE.get(request.args.get("by", "uid"))
        term = request.args.get("q", "")
        if field is None or not term:
            abort(400)
        flt = "(&(objectClass=inetOrgPerson)({}={}*))".format(field, escape_filter_chars(term))
        cfg = current_app.config
        conn = Connection(Server(cfg["LDAP_URL"]), cfg["LDAP_BIND_DN"], cfg["LDAP_BIND_PASSWORD"], auto_bind=True)
        try:
            conn.search(cfg["LDAP_BASE_DN"], flt, search_scope=SUBTREE, attributes=["cn", "mail"], size_limit=50)
            return jsonify(results=[e.entry_attributes_as_dict for e in conn.entries])
        finally:
            conn.unbind()

    return app


app = create_app()
