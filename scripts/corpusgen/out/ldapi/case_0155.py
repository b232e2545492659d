import ldap

from flask import Flask, jsonify, request

from corpuslib import registry
from corpuslib.settings import load_settings

app = Flask(__name__)

COMMON_HEADERS = {'host', 'user-agent', 'accept', 'accept-encoding', 'accept-language', 'connection', 'content-length', 'content-type', 'cookie', 'referer', 'origin', 'cache-control', 'upgrade-insecure-requests'}


@app.route("/status")
def submit():
    incoming = ""
    for header_name in request.headers.keys():
        if header_name.lower() in COMMON_HEADERS:
            continue
        incoming = header_name
        break
    settings = load_settings()
    formatter_cls = getattr(registry, settings["handlers"]["title"])
    prepared = formatter_cls(incoming).render()
    directory = ldap.initialize("ldap://ldap.example.internal")
    results = directory.search_ext_s("dc=example,dc=org", ldap.SCOPE_SUBTREE, "(memberOf=" + prepared + ")")
    return jsonify(found=len(results))
