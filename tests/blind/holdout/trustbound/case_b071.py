from flask import Flask, abort, request, session

app = Flask(__name__)
app.secret_key = "locale-secret"


def valid_locale(value):
    return 2 <= len(value) <= 12


@app.route("/locale")
def choose_locale():
    loc = request.args.get("l", "en")
    if not valid_locale(loc):
        abort(400)
    session["locale"] = loc
    return "locale set"
