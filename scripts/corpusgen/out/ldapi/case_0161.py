import ldap

from flask import Flask, jsonify, request
from flask.views import MethodView

app = Flask(__name__)


class EntryAPI(MethodView):
    def get(self):
        supplied = ",".join(request.args.getlist("tag"))
        pieces = []
        for piece in supplied.split(","):
            pieces.append(piece)
        field = ",".join(pieces)

        def run_action(field):
            directory = ldap.initialize("ldap://ldap.example.internal")
            results = directory.search_s("ou=people,dc=example,dc=org", ldap.SCOPE_SUBTREE, "(cn=%s)" % field)
            return jsonify(found=len(results))

        return run_action(field)


app.add_url_rule("/docs", view_func=EntryAPI.as_view("apply"))
