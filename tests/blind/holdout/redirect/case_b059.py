from urllib.parse import urlparse

from flask import Flask, abort, redirect, request

app = Flask(__name__)


def is_local(url):
    p = urlparse(url)
    return not p.scheme and not p.netloc and not url.startswith(("//", "\\"))


@app.route("/logout")
def logout():
    return_to = request.args.get("return_to", "/")
    if not is_local(return_to):
        abort(400)
    next_url = request.args.get("next", return_to)
    resp = redirect(next_url)
    resp.delete_cookie("sid")
    return resp
