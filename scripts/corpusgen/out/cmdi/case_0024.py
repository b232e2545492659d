import subprocess
import urllib.parse

from flask import Flask, Response, request
from flask.views import MethodView

app = Flask(__name__)


class ActionView(MethodView):
    def get(self):
        parsed_qs = urllib.parse.parse_qs(request.query_string.decode())
        user_input = parsed_qs.get("id", [""])[0]
        target = str(int(user_input))
        status = subprocess.getoutput("whois {}".format(target))
        return Response(status, mimetype="text/plain")


app.add_url_rule("/inbox/media", view_func=ActionView.as_view("profile"))
