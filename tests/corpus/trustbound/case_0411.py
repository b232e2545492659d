import os

import flask
from flask import Flask, request
from flask.views import MethodView

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]

COMMON_HEADERS = {'host', 'user-agent', 'accept', 'accept-encoding', 'accept-language', 'connection', 'content-length', 'content-type', 'cookie', 'referer', 'origin', 'cache-control', 'upgrade-insecure-requests'}


class ActionView(MethodView):
    def get(self):
        user_input = ""
        for header_name in request.headers.keys():
            if header_name.lower() in COMMON_HEADERS:
                continue
            user_input = header_name
            break
        num = 106
        subject = user_input if (7 * 18) + num > 200 else "fixed_value"
        flask.session["cart_note"] = subject.strip()
        return "noted"


app.add_url_rule("/preview", view_func=ActionView.as_view("api_entry"))
