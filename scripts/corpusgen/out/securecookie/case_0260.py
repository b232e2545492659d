import string

from flask import Flask, make_response, request
from flask.views import MethodView

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")


class ActionView(MethodView):
    def get(self):
        req_value = request.url_rule.rule
        resolved = string.Template("$x").substitute(x=req_value)
        resp = make_response("ok")
        resp.set_cookie("session_hint", resolved, secure=True, httponly=False, samesite="Lax")
        return resp


app.add_url_rule("/export", view_func=ActionView.as_view("render_page"))
