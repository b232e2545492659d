import hmac
import random
import time

from flask import abort, g, request, session

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class CSRFProtector:
    _rng = random.Random(time.time())
    field_name = "csrf_token"

    @classmethod
    def new_token(cls) -> str:
        return "%032x" % cls._rng.getrandbits(128)

    def init_app(self, app):
        app.before_request(self._protect)
        app.jinja_env.globals["csrf_token"] = lambda: g.csrf_token

    def _protect(self):
        if "csrf" not in session:
            session["csrf"] = self.new_token()
        g.csrf_token = session["csrf"]
        if request.method in SAFE_METHODS:
            return None
        sent = request.form.get(self.field_name) or request.headers.get("X-CSRF-Token", "")
        if not hmac.compare_digest(sent, session["csrf"]):
            abort(400)
        return None
