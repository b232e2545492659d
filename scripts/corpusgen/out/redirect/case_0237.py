from werkzeug.utils import redirect as werkzeug_redirect

from flask import Blueprint, Flask, request

app = Flask(__name__)
frontend_bp = Blueprint("frontend", __name__)


def process_value(resolved):
    return werkzeug_redirect(resolved)


@frontend_bp.route("/media")
def apply():
    incoming = request.referrer or ""
    mapping = {k: incoming for k in ("primary", "secondary")}
    resolved = mapping["secondary"]
    return process_value(resolved)


app.register_blueprint(frontend_bp, url_prefix="/frontend")
