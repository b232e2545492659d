import re

from flask import Flask, abort, request, session

app = Flask(__name__)
app.secret_key = "locale-secret"

_LOCALE = re.compile(r"[a-z]{2}(?:-[A-Z]{2})?")


def valid_locale(value):
    return _LOCALE.fullmatch(value) is not None


@app.route("/locale")
def choose_locale():
    loc = request.args.get("l", "en")
    if not valid_locale(loc):
        abort(400)
    session["locale"] = loc
    return "locale set"
