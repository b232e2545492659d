"""Partner SSO hand-off: send the user back to the partner site."""
import os
from urllib.parse import urlparse

from flask import Flask, abort, redirect, request

TRUSTED_DOMAIN = "partners.example.com"

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


def is_trusted(url: str) -> bool:
    parts = urlparse(url)
    return parts.scheme in ("http", "https") and TRUSTED_DOMAIN in parts.netloc


@app.route("/sso/return")
def sso_return():
    target = request.args.get("redirect_uri", "")
    if not is_trusted(target):
        abort(400, "untrusted redirect target")
    return redirect(target, code=302)
