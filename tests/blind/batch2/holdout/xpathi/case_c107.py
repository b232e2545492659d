"""Legacy user store kept in XML; XPath variables keep input out of the query."""
import hmac
import os
from functools import lru_cache

from flask import Flask, abort, current_app, jsonify, request
from lxml import etree

FIND_USER = etree.XPath("//user[name/text()=$name]")


@lru_cache(maxsize=1)
def load_users(path):
    return etree.parse(path, etree.XMLParser(resolve_entities=False, no_network=True))


def create_app():
    app = Flask(__name__)
    app.config["USERS_XML"] = os.environ.get("USERS_XML", "/etc/partner/users.xml")

    @app.route("/partner/login", methods=["POST"])
    def partner_login():
        name = request.form.get("username", "")
        token = request.form.get("api_token", "")
        tree = load_users(current_app.config["USERS_XML"])
        matches = FIND_USER(tree, name=name)
        if len(matches) != 1:
            abort(401)
        stored = matches[0].findtext("token") or ""
        if not hmac.compare_digest(stored, token):
            abort(401)
        return jsonify(partner=matches[0].findtext("company"))

    return app


app = create_app()
