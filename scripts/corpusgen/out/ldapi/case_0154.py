import configparser

import ldap

from flask import Flask, jsonify, request

app = Flask(__name__)


def search():
    raw = request.full_path.partition("?")[2]
    conf = configparser.RawConfigParser()
    conf.add_section("section1")
    conf.set("section1", "keyA", "a_value")
    conf.set("section1", "keyB", raw)
    resolved = conf.get("section1", "keyB")
    directory = ldap.initialize("ldap://ldap.example.internal")
    directory.simple_bind_s("", "")
    results = directory.search_s("dc=example,dc=org", ldap.SCOPE_ONELEVEL, f"(sn={resolved})", ["cn"])
    return jsonify(names=[dn for dn, _ in results])


app.add_url_rule("/account", view_func=search)
