import os

from flask import Blueprint, Flask, send_file

app = Flask(__name__)
portal_bp = Blueprint("portal", __name__)


def perform(subject):
    return send_file(subject, as_attachment=True)


@portal_bp.route("/hooks/notes/<incoming>")
def run_task(incoming):
    os.environ["CORPUS_LAST_VALUE"] = incoming
    subject = os.environ["CORPUS_LAST_VALUE"]
    return perform(subject)


app.register_blueprint(portal_bp, url_prefix="/portal")
