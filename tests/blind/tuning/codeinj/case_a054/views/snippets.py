import os

from flask import abort, current_app, jsonify, request
from flask.views import MethodView

AVAILABLE = ("greeting", "totals")


class SnippetView(MethodView):
    def get(self, name):
        if name not in AVAILABLE:
            abort(404)
        path = os.path.join(current_app.root_path, current_app.config["SNIPPET_DIR"], name + ".py")
        with open(path) as fh:
            source = fh.read()
        scope = {"params": request.args.to_dict()}
        exec(source, scope)
        return jsonify(result=scope.get("result"))
