import os

from flask import Blueprint, Flask, abort, request, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]
public_bp = Blueprint("public", __name__)


def do_lookup(entry):
    match entry:
        case "light" | "dark":
            session["theme"] = entry
        case _:
            abort(400)
    return "ok"


@public_bp.route("/items", methods=["POST", "PUT"])
def run_task():
    requested = request.data.decode("utf-8", "replace")
    try:
        entry = requested.encode("utf-8").decode("utf-8")
    except UnicodeError:
        entry = ""
    return do_lookup(entry)


app.register_blueprint(public_bp, url_prefix="/public")
