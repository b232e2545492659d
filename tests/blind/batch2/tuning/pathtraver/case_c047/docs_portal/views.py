from flask import abort, current_app, send_file
from flask.views import View

from .paths import OutsideRoot, confine


class DocumentView(View):
    methods = ["GET"]

    def dispatch_request(self, page):
        try:
            path = confine(current_app.config["DOCS_ROOT"], page)
        except OutsideRoot:
            abort(403)
        try:
            return send_file(path)
        except FileNotFoundError:
            abort(404)
