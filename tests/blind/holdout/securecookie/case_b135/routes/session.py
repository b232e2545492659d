import secrets

from flask import Response, request

LIVE = {}


def register(app):
    @app.route("/session/new", methods=["POST"])
    def new_session():
        sid = secrets.token_urlsafe(24)
        LIVE[sid] = request.form.get("user", "guest")
        cookie = f"app_sid={sid}; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax"
        return Response("ok", headers=[("Set-Cookie", cookie), ("Cache-Control", "no-store")])
