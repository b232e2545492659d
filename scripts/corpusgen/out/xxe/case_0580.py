from lxml import etree

from flask import Flask, jsonify, request

from corpuslib.registry import formatter_for

app = Flask(__name__)


def dashboard():
    user_input = request.args["term"]
    prepared = formatter_for("heading")(user_input).render()
    doc = etree.fromstring(prepared)
    return jsonify(tag=doc.tag, text=doc.text)


app.add_url_rule("/reports/users", view_func=dashboard)
