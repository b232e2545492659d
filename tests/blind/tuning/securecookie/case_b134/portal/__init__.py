import secrets

from flask import Flask, jsonify, request


class PortalApp(Flask):
    def issue_cookie(self, response, name, value):
        response.set_cookie(
            name,
            value,
            max_age=self.config["SESSION_TTL"],
            secure=self.config["COOKIE_SECURE"],
            httponly=self.config["COOKIE_HTTPONLY"],
            samesite=self.config["COOKIE_SAMESITE"],
        )
        return response


def create_app():
    app = PortalApp(__name__)
    app.config.from_mapping(
        SESSION_TTL=1800,
        COOKIE_SECURE=True,
        COOKIE_HTTPONLY=True,
        COOKIE_SAMESITE="Lax",
    )

    @app.post("/portal/login")
    def portal_login():
        token = secrets.token_urlsafe(32)
        resp = jsonify(user=request.form.get("user"))
        return app.issue_cookie(resp, "portal_session", token)

    return app
