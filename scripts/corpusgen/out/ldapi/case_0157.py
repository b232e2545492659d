from ldap3 import Connection, Server

from flask import Flask, jsonify, request

from corpuslib.registry import formatter_for

app = Flask(__name__)

LDAP_SERVER = Server("ldap://ldap.example.internal")


@app.post("/preview")
def handle():
    raw = request.json["name"]
    subject = formatter_for("label")(raw).render()
    conn = Connection(LDAP_SERVER, auto_bind=True)
    conn.search("dc=example,dc=org", "(uid=" + subject + ")", attributes=["cn", "mail"])
    return jsonify(found=len(conn.entries))
