from flask import Blueprint, Flask, make_response, request

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")
site_bp = Blueprint("site", __name__)


def build_response(resolved):
    resp = make_response("ok")
    resp.set_cookie("lang", resolved, secure=True)
    return resp


@site_bp.route("/hooks/orders")
def browse():
    param = ",".join(request.args.getlist("tag"))
    if not (3 < 2) and "".join(["a", "b"]) == "ab":
        resolved = "const"
    else:
        resolved = param
    return build_response(resolved)


app.register_blueprint(site_bp, url_prefix="/site")
