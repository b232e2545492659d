"""LDAP-backed login; uid syntax is enforced before building the filter."""
import os
import re

from flask import Flask, abort, current_app, jsonify, request, session
from ldap3 import SUBTREE, Connection, Server

UID_PATTERN = re.compile(r"[a-z0-9_]{1,32}")


def create_app():
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=os.environ["SECRET_KEY"],
        LDAP_URL=os.environ.get("LDAP_URL", "ldaps://ldap.example.com"),
        LDAP_BASE_DN="ou=people,dc=example,dc=com",
        SESSION_COOKIE_SECURE=True,
    )

    def find_user_dn(conn, uid):
        conn.search(current_app.config["LDAP_BASE_DN"], f"(uid={uid})", SUBTREE, attributes=["uid"])
        return conn.entries[0].entry_dn if len(conn.entries) == 1 else None

    @app.route("/login", methods=["POST"])
    def login():
        uid = request.form.get("username", "").lower()
        password = request.form.get("password", "")
        if not UID_PATTERN.fullmatch(uid) or not password:
            abort(400)
        server = Server(current_app.config["LDAP_URL"])
        lookup = Connection(server, auto_bind=True)
        dn = find_user_dn(lookup, uid)
        if dn is None:
            abort(401)
        user_conn = Connection(server, user=dn, password=password)
        if not user_conn.bind():
            abort(401)
        session["uid"] = uid
        return jsonify(ok=True)

    return app


app = create_app()
