import re

from flask import Flask, abort, redirect, request

app = Flask(__name__)

TRUSTED = re.compile(r"https://(www\.)?example\.com")


@app.route("/out")
def outbound():
    url = request.args.get("url", "")
    if not TRUSTED.search(url):
        abort(400)
    return redirect(url, code=302)
