import base64
import os

from flask import Blueprint, Flask, request, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]
public_bp = Blueprint("public", __name__)

LANGUAGES = {"english": "en", "deutsch": "de", "francais": "fr"}


def build_response(chosen):
    session["lang"] = LANGUAGES.get(chosen, "en")
    return "ok"


@public_bp.route("/hooks")
def view_item():
    if "prefs" not in request.cookies:
        return "missing cookie", 400
    requested = request.cookies["prefs"]
    encoded = base64.b64encode(requested.encode("utf-8"))
    chosen = base64.b64decode(encoded).decode("utf-8")
    return build_response(chosen)


app.register_blueprint(public_bp, url_prefix="/public")
