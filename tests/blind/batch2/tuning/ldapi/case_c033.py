"""Staff directory lookup backed by the corporate LDAP."""
import os

from flask import Flask, abort, current_app, jsonify, request
from ldap3 import ALL, SUBTREE, Connection, Server


class DirectoryConfig:
    LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.example.com")
    LDAP_BIND_DN = os.environ.get("LDAP_BIND_DN", "cn=reader,dc=example,dc=com")
    LDAP_BIND_PASSWORD = os.environ.get("LDAP_BIND_PASSWORD", "")
    LDAP_BASE_DN = "ou=people,dc=example,dc=com"


def ldap_connection():
    cfg = current_app.config
    server = Server(cfg["LDAP_URL"], get_info=ALL)
    return Connection(server, cfg["LDAP_BIND_DN"], cfg["LDAP_BIND_PASSWORD"], auto_bind=True)


def create_app():
    app = Flask(__name__)
    app.config.from_object(DirectoryConfig)

    @app.route("/directory/people")
    def people():
        username = request.args.get("uid", "").strip()
        if not username:
            abort(400)
        search_filter = f"(&(objectClass=inetOrgPerson)(uid={username}))"
        with ldap_connection() as conn:
            conn.search(
                current_app.config["LDAP_BASE_DN"],
                search_filter,
                search_scope=SUBTREE,
                attributes=["cn", "mail", "title"],
            )
            rows = [e.entry_attributes_as_dict for e in conn.entries]
        return jsonify(results=rows)

    return app


app = create_app()
