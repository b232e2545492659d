from flask import Flask, make_response, request
from flask.views import MethodView

from corpuslib.cookies import COOKIE_FLAGS

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")


def respond_with(selected):
    resp = make_response("ok")
    resp.set_cookie("layout", selected, **COOKIE_FLAGS)
    return resp


class ActionView(MethodView):
    def post(self):
        user_input = request.files["document"].read().decode("utf-8", "ignore")
        if 7 * 6 > 10:
            selected = user_input
        else:
            selected = "fixed"
        return respond_with(selected)


app.add_url_rule("/users", view_func=ActionView.as_view("status"))
