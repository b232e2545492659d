import secrets

from flask import Blueprint, jsonify, request
from flask.views import MethodView

prefs_bp = Blueprint("prefs", __name__)


class LoginCookieView(MethodView):
    cookie_name = "sess"

    def post(self):
        token = secrets.token_urlsafe(24)
        resp = jsonify(user=request.form.get("user"))
        resp.set_cookie(
            self.cookie_name,
            token,
            httponly=True,
            secure=True,
            samesite="Strict",
        )
        return resp


prefs_bp.add_url_rule("/login", view_func=LoginCookieView.as_view("login"))
