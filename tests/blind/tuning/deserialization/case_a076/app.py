from flask import Flask

from helpers import *

app = Flask(__name__)
app.config.from_object("settings")


@app.route("/drafts/<name>", methods=["PUT"])
def save_draft(name):
    document = parse_body()
    with open_store() as store:
        store[name] = document
    return {"saved": name}


@app.route("/drafts/<name>")
def load_draft(name):
    with open_store() as store:
        document = store.get(name)
    if document is None:
        return {"error": "no such draft"}, 404
    return document
