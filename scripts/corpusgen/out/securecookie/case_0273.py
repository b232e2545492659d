from flask import Flask, make_response
from flask.views import MethodView

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")


class ResourceView(MethodView):
    def get(self, raw):
        first, second = raw, "fixed"
        entry = first if second else ""
        resp = make_response("saved")
        resp.set_cookie("theme", entry, secure=True, httponly=True, samesite="Lax")
        return resp


app.add_url_rule("/notes/<raw>", view_func=ResourceView.as_view("profile"))
