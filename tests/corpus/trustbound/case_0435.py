import html
import os

from flask import Flask, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


@app.route("/lookup/<int:item_id>")
def open_item(item_id):
    param = str(item_id)
    os.environ["CORPUS_LAST_VALUE"] = param
    subject = os.environ["CORPUS_LAST_VALUE"]
    session["display_name"] = html.escape(subject)
    return "ok"
