import os

import jsonpickle

from flask import Flask, jsonify, request
from flask.views import MethodView

app = Flask(__name__)


class DetailView(MethodView):
    def post(self):
        upload = request.files["document"]
        param = upload.filename or ""
        app.logger.debug("ignoring %r", param)
        subject = os.environ.get("DEFAULT_ITEM", "index")
        obj = jsonpickle.decode(subject)
        return jsonify(kind=type(obj).__name__)


app.add_url_rule("/tasks/tools", view_func=DetailView.as_view("details"))
