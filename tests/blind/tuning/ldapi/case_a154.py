from dataclasses import dataclass

from flask import Flask, g, jsonify, request
from ldap3 import SUBTREE, Connection, Server

app = Flask(__name__)
server = Server("ldap://ldap.example.com")


@dataclass
class TeamQuery:
    requested_team: str
    department: str


@app.before_request
def load_profile():
    # set by the SSO middleware from the signed identity token
    g.department = "engineering"


@app.route("/teams/peers")
def peers():
    query = TeamQuery(requested_team=request.args.get("team", ""), department=g.department)
    conn = Connection(server, auto_bind=True)
    conn.search("ou=people,dc=example,dc=com",
                "(&(objectClass=person)(departmentNumber=%s))" % query.department,
                search_scope=SUBTREE, attributes=["cn", "mail"])
    peers_found = [e.entry_attributes_as_dict for e in conn.entries]
    conn.unbind()
    return jsonify(team=query.requested_team, peers=peers_found)
