from flask import Blueprint, Flask, make_response, request

from corpuslib.registry import formatter_for

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")
public_bp = Blueprint("public", __name__)


@public_bp.route("/tasks/catalog")
def show():
    param = request.path
    field = formatter_for("heading")(param).render()
    resp = make_response("saved")
    resp.set_cookie("theme", field)
    return resp


app.register_blueprint(public_bp, url_prefix="/public")
