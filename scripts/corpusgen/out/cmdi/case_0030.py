import html
import os

from flask import Flask, request

app = Flask(__name__)


@app.route("/docs")
def submit():
    given = ",".join(request.args.getlist("tag"))
    os.environ["CORPUS_LAST_VALUE"] = given
    bar = os.environ["CORPUS_LAST_VALUE"]
    os.system("touch /tmp/marker_" + html.escape(bar))
    return "touched"
