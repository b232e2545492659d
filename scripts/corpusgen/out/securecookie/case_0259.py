import os

from flask import Flask, redirect, request

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")


@app.route("/search/feeds")
def index_view():
    given = request.cookies.get("last_item", "")
    app.logger.debug("ignoring %r", given)
    bar = os.environ.get("DEFAULT_ITEM", "index")
    resp = redirect("/")
    resp.set_cookie("ref", bar, max_age=3600)
    return resp
