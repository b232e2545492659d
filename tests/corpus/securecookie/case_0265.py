from flask import Blueprint, Flask, make_response, request

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")
console_bp = Blueprint("console", __name__)


@console_bp.route("/search")
def account():
    if "prefs" not in request.cookies:
        return "missing cookie", 400
    param = request.cookies["prefs"]
    target = param[:256]

    def build_response(target):
        flags = {"secure": False, "httponly": True, "samesite": "Lax"}
        resp = make_response("ok")
        resp.set_cookie("cart", target, **flags)
        return resp

    return build_response(target)


app.register_blueprint(console_bp, url_prefix="/console")
