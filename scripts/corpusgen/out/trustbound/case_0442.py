import html
import os

from flask import Flask, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


class TextOps:
    def keep(self, text):
        return text

    def blank(self, text):
        return "placeholder"


@app.route("/lookup/account")
def process():
    param = request.headers["X-Requested-Resource"]
    selected = getattr(TextOps(), "keep")(param)
    session["display_name"] = html.escape(selected)
    return "ok"
