from flask import redirect, request, session, url_for
from flask.views import MethodView


class LoginView(MethodView):
    def get(self):
        return "<form method='post'><button>login</button></form>"

    def post(self):
        session["uid"] = 1
        return redirect(url_for("login"))


class LogoutView(MethodView):
    default_target = "/"

    def _previous_page(self):
        return request.headers.get("Referer") or self.default_target

    def get(self):
        session.clear()
        return redirect(self._previous_page())
