from flask import Flask, make_response, request
from flask.views import MethodView

from corpuslib.text import normalize

app = Flask(__name__)

COMMON_HEADERS = {'host', 'user-agent', 'accept', 'accept-encoding', 'accept-language', 'connection', 'content-length', 'content-type', 'cookie', 'referer', 'origin', 'cache-control', 'upgrade-insecure-requests'}


class ItemView(MethodView):
    def get(self):
        user_input = ""
        for header_name in request.headers.keys():
            if header_name.lower() in COMMON_HEADERS:
                continue
            user_input = header_name
            break
        field = normalize(user_input)
        resp = make_response(field)
        resp.mimetype = "text/plain"
        return resp


app.add_url_rule("/tasks/hooks", view_func=ItemView.as_view("view_item"))
