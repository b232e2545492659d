import os

from flask import Blueprint, Flask, abort, request

app = Flask(__name__)
portal_bp = Blueprint("portal", __name__)


def tidy_text(text):
    return text.replace("\t", " ").strip()


@portal_bp.route("/widgets")
def browse():
    client_value = request.referrer or ""
    subject = tidy_text(client_value)
    if subject not in ("uptime", "whoami", "date"):
        abort(400)
    os.system(subject)
    return "done"


app.register_blueprint(portal_bp, url_prefix="/portal")
