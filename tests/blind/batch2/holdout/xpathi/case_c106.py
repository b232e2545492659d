"""Legacy user store kept in an XML file; used for the partner login."""
import os
from functools import lru_cache

from flask import Flask, abort, current_app, jsonify, request
from lxml import etree


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
        query = "//user[name/text()='" + name + "' and token/text()='" + token + "']"
        matches = tree.xpath(query)
        if not matches:
            abort(401)
        return jsonify(partner=matches[0].findtext("company"))

    return app


app = create_app()
