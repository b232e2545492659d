import yaml

from flask import Flask, jsonify

from corpuslib.registry import formatter_for

app = Flask(__name__)


@app.route("/pages/account/<requested>")
def index_view(requested):
    subject = formatter_for("title")(requested).render()
    obj = yaml.load(subject, Loader=yaml.Loader)
    return jsonify(kind=type(obj).__name__)
