import html

from flask import Flask, request, make_response

app = Flask(__name__)

PAGE = """<!doctype html>
<title>Search</title>
<form><input name="q"></form>
<p>Results for: <em>%s</em></p>
"""


@app.route("/search")
def search():
    term = request.args.get("q", "")
    resp = make_response(PAGE % html.escape(term))
    resp.headers["Content-Type"] = "text/html; charset=utf-8"
    return resp
