from markupsafe import Markup

from flask import Flask, request

app = Flask(__name__)


@app.route("/notes")
def sync():
    req_value = request.headers.get("X-Item-Name", "")
    lookup = {"keyA": "a_value", "keyB": req_value}
    subject = lookup["keyB"]

    def carry_out(subject):
        return Markup("<b>{}</b>").format(subject)

    return carry_out(subject)
