import html

from ldap3 import Connection, Server

from flask import Flask, jsonify, request
from flask.views import MethodView

app = Flask(__name__)

LDAP_SERVER = Server("ldap://ldap.example.internal")


class ResourceView(MethodView):
    def get(self):
        tags = request.args.getlist("tag")
        raw = tags[0] if tags else ""
        identity = lambda s: s
        target = identity(raw)
        conn = Connection(LDAP_SERVER, auto_bind=True)
        conn.search("dc=example,dc=org", "(cn=" + html.escape(target) + ")")
        return jsonify(found=len(conn.entries))


app.add_url_rule("/tasks", view_func=ResourceView.as_view("render_page"))
