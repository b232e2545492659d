from flask import Blueprint, Flask, make_response, request

from corpuslib.settings import load_settings

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")
api_bp = Blueprint("api", __name__)


class TextOps:
    def keep(self, text):
        return text

    def blank(self, text):
        return "placeholder"


@api_bp.route("/items/hooks")
def lookup():
    requested = str(request.args.get("page", 1, type=int))
    target = getattr(TextOps(), "blank")(requested)
    settings = load_settings()
    resp = make_response("ok")
    resp.set_cookie("legacy", target, secure=settings.getboolean("cookies", "legacy_secure"), httponly=True, samesite="Lax")
    return resp


app.register_blueprint(api_bp, url_prefix="/api")
