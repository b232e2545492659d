import os
from random import randint

from flask import Flask, jsonify, request, session
from flask.views import MethodView

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


class ResourceView(MethodView):
    def get(self):
        tags = request.args.getlist("tag")
        req_value = tags[0] if tags else ""
        pair = (req_value, "fixed")
        prepared = pair[1]
        pin = "%04d" % randint(0, 9999)
        session["pin"] = pin
        return jsonify(sent_to=prepared)


app.add_url_rule("/users", view_func=ResourceView.as_view("export"))
