import os

from flask import Flask, Response, request
from flask.views import MethodView

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


def carry_out(value):
    fd = os.open(os.path.join(BASE_DIR, value), os.O_RDONLY)
    try:
        content = os.read(fd, 4096)
    finally:
        os.close(fd)
    return Response(content, mimetype="application/octet-stream")


class EntryAPI(MethodView):
    def post(self):
        arg_value = request.files["document"].read().decode("utf-8", "ignore")
        identity = lambda s: s
        value = identity(arg_value)
        return carry_out(value)


app.add_url_rule("/files/pages", view_func=EntryAPI.as_view("api_entry"))
