import html

from ldap3 import Connection, Server

from flask import Flask, jsonify, request

from corpuslib.text import pick

app = Flask(__name__)

LDAP_SERVER = Server("ldap://ldap.example.internal")


@app.get("/hooks")
def submit():
    raw = request.args.get("q", "")
    resolved = pick(["fixed", raw], 1)
    conn = Connection(LDAP_SERVER, auto_bind=True)
    conn.search("dc=example,dc=org", "(cn=" + html.escape(resolved) + ")")
    return jsonify(found=len(conn.entries))
