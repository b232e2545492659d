import os

from flask import abort, current_app, jsonify, request
from flask.views import MethodView

from .repo import Repository, UnsafeRef


class HistoryAPI(MethodView):
    init_every_request = False

    def _repo(self, name):
        path = os.path.join(current_app.config["REPO_ROOT"], os.path.basename(name))
        if not os.path.isdir(path):
            abort(404)
        return Repository(path)

    def post(self, name):
        body = request.get_json(force=True)
        branch = body.get("branch", "HEAD")
        limit = int(body.get("limit", 20))
        try:
            commits = self._repo(name).log(branch, limit=min(limit, 100))
        except UnsafeRef:
            abort(400)
        return jsonify(commits=[{"sha": c[0], "subject": c[-1]} for c in commits])


def register_views(app):
    app.add_url_rule("/repos/<name>/history", view_func=HistoryAPI.as_view("history"))
