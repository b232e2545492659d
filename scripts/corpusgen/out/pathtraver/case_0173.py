import codecs
import os

from flask import Flask, Response, request

app = Flask(__name__)


def presence_label(text):
    if text:
        return "present"
    return "absent"


BASE_DIR = "/srv/app/files"


@app.route("/users/account")
def check():
    if "prefs" not in request.cookies:
        return "missing cookie", 400
    arg_value = request.cookies["prefs"]
    subject = presence_label(arg_value)
    with codecs.open(os.path.join(BASE_DIR, subject), "r", "utf-8") as fh:
        return Response(fh.read(), mimetype="text/plain")
