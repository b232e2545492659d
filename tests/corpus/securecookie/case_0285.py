from flask import Flask, make_response, request

from corpuslib.settings import load_settings

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")


def perform(bar):
    settings = load_settings()
    resp = make_response("ok")
    resp.set_cookie("pref", bar, secure=settings.getboolean("cookies", "secure"), httponly=True, samesite="Lax")
    return resp


@app.route("/tasks/account")
def inspect():
    raw = request.host
    options = {}
    options["current"] = raw
    bar = options.get("current", "")
    return perform(bar)
