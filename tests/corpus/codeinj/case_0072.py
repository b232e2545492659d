import re

from flask import Blueprint, Flask, abort, jsonify, request

app = Flask(__name__)
frontend_bp = Blueprint("frontend", __name__)


def tidy_text(text):
    return text.replace("\t", " ").strip()


@frontend_bp.route("/docs")
def apply():
    requested = ""
    for key in request.args:
        if request.args.get(key) == "on":
            requested = key
            break
    entry = tidy_text(requested)
    if not re.fullmatch(r"[0-9+\-*/ ().]{1,40}", entry):
        abort(400)
    return jsonify(result=eval(entry, {"__builtins__": {}}))


app.register_blueprint(frontend_bp, url_prefix="/frontend")
