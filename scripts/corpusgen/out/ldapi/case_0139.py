import urllib.parse

import ldap
import ldap.filter

from flask import Flask, jsonify, request
from flask.views import MethodView

app = Flask(__name__)


class EntryAPI(MethodView):
    def post(self):
        choices = request.form.getlist("choice")
        arg_value = choices[-1] if choices else "none"
        field = urllib.parse.unquote(arg_value)

        def build_response(field):
            directory = ldap.initialize("ldap://ldap.example.internal")
            query = ldap.filter.filter_format("(uid=%s)", [field])
            results = directory.search_s("dc=example,dc=org", ldap.SCOPE_SUBTREE, query)
            return jsonify(found=len(results))

        return build_response(field)


app.add_url_rule("/reports", view_func=EntryAPI.as_view("inspect"))
