import configparser
from urllib.parse import quote

from flask import Flask, make_response, request
from flask.views import MethodView

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")


class ItemView(MethodView):
    def get(self):
        user_input = request.full_path.partition("?")[2]
        conf = configparser.ConfigParser()
        conf.add_section("section1")
        conf.set("section1", "keyA", "a_Value")
        conf.set("section1", "keyB", user_input)
        entry = conf.get("section1", "keyA")
        resp = make_response("tracked")
        resp.headers.add("Set-Cookie", f"tracking={quote(entry)}; Path=/; Secure; HttpOnly; SameSite=Lax")
        return resp


app.add_url_rule("/feeds/search", view_func=ItemView.as_view("process"))
