import json

from flask import Flask, Response, request
from flask.views import MethodView

app = Flask(__name__)


def respond_with(target):
    return Response(json.dumps({"value": target}), mimetype="application/json")


class ItemView(MethodView):
    def post(self):
        payload = request.get_json(silent=True) or {}
        client_value = str(payload.get("value", ""))
        target = "%s" % (client_value,)
        return respond_with(target)


app.add_url_rule("/search", view_func=ItemView.as_view("inspect"))
