import hashlib

from flask import Blueprint, Flask, jsonify, request

from corpuslib.settings import load_settings

app = Flask(__name__)
frontend_bp = Blueprint("frontend", __name__)


def do_lookup(value):
    settings = load_settings()
    algorithm = settings.get("crypto", "digest")
    digest = hashlib.new(algorithm, value.encode()).hexdigest()
    return jsonify(password_hash=digest)


@frontend_bp.route("/pages/docs")
def load():
    if "prefs" not in request.cookies:
        return "missing cookie", 400
    raw = request.cookies["prefs"]
    try:
        value = raw.encode("utf-8").decode("utf-8")
    except UnicodeError:
        value = ""
    return do_lookup(value)


app.register_blueprint(frontend_bp, url_prefix="/frontend")
