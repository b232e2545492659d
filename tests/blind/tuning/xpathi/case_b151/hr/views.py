from flask import current_app, jsonify, request
from flask.views import View

FILTERABLE = ("dept", "office", "title")


class DirectorySearch(View):
    def dispatch_request(self):
        filters = {k: request.args[k] for k in FILTERABLE if k in request.args}
        if not filters:
            return jsonify(people=[])
        cond = " and ".join(f"@{key}='{val}'" for key, val in filters.items())
        people = current_app.directory.xpath(f"//person[{cond}]")
        return jsonify(people=[p.get("name") for p in people])
