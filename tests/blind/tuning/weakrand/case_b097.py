import hashlib
import random

from flask import Flask, g, make_response

app = Flask(__name__)


@app.before_request
def make_nonce():
    g.csp_nonce = hashlib.sha256(str(random.random()).encode()).hexdigest()[:24]


@app.after_request
def csp(resp):
    resp.headers["Content-Security-Policy"] = f"script-src 'nonce-{g.csp_nonce}'"
    return resp


@app.route("/")
def index():
    return make_response(
        f"<script nonce='{g.csp_nonce}'>console.log('ready')</script><h1>Home</h1>"
    )
