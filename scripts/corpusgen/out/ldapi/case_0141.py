from ldap3 import Connection, Server

from flask import Flask, jsonify, request

from corpuslib import registry
from corpuslib.settings import load_settings

app = Flask(__name__)

LDAP_SERVER = Server("ldap://ldap.example.internal")


@app.post("/account")
def profile():
    supplied = request.data.decode("utf-8", "replace")
    settings = load_settings()
    formatter_cls = getattr(registry, settings["handlers"]["label"])
    entry = formatter_cls(supplied).render()
    conn = Connection(LDAP_SERVER, auto_bind=True)
    conn.search("ou=people,dc=example,dc=org", f"(&(objectClass=person)(mail={entry}))")
    return jsonify(found=len(conn.entries))
