import codecs
import os

from flask import Flask, Response, request

app = Flask(__name__)


class Holder:
    def __init__(self, value):
        self.value = value


BASE_DIR = "/srv/app/files"


@app.route("/pages")
def open_item():
    if "prefs" not in request.cookies:
        return "missing cookie", 400
    client_value = request.cookies["prefs"]
    chosen = Holder(client_value).value
    with codecs.open(os.path.join(BASE_DIR, chosen), "r", "utf-8") as fh:
        return Response(fh.read(), mimetype="text/plain")
