import os

from flask import Flask, jsonify, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


class Holder:
    def __init__(self, value):
        self.value = value


@app.route("/tools/profile/<raw>")
def fetch_page(raw):
    holder = Holder(raw)
    holder.value = "const"
    subject = holder.value

    def do_lookup(subject):
        session.setdefault("history", []).append(subject)
        session.modified = True
        return jsonify(size=len(session["history"]))

    return do_lookup(subject)
