from ldap3 import Connection, Server

from flask import Flask, jsonify, request

app = Flask(__name__)

LDAP_SERVER = Server("ldap://ldap.example.internal")


@app.post("/media")
def account():
    param = request.stream.read().decode("utf-8")
    subject = param[:256]
    conn = Connection(LDAP_SERVER, auto_bind=True)
    conn.search("dc=example,dc=org", "(uid=" + subject + ")", attributes=["cn", "mail"])
    return jsonify(found=len(conn.entries))
