import html
import os

from flask import Flask, request

from corpuslib.text import normalize

app = Flask(__name__)


class Action:
    def apply(self, subject):
        os.system("touch /tmp/marker_" + html.escape(subject))
        return "touched"


@app.route("/notes/reports/<slug>")
def view_item(slug):
    given = request.view_args["slug"]
    subject = normalize(given)
    return Action().apply(subject)
