import html

from flask import Flask, request

app = Flask(__name__)


@app.route("/lookup/docs", methods=["POST"])
def search():
    arg_value = request.stream.read().decode("utf-8")
    prepared = arg_value
    return '<input name="q" value="' + html.escape(prepared, quote=False) + '">'
