"""OAuth-style callback that returns to a registered client host."""
import os
from urllib.parse import urlparse

from flask import Flask, abort, current_app, redirect, request, url_for


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    app.config["ALLOWED_REDIRECT_HOSTS"] = frozenset(
        h.strip().lower() for h in os.environ.get("ALLOWED_REDIRECT_HOSTS", "app.example.com").split(",") if h.strip()
    )

    def safe_target(url):
        if not url:
            return None
        parts = urlparse(url)
        if parts.scheme != "https" or parts.username or parts.password:
            return None
        host = (parts.hostname or "").lower()
        if host not in current_app.config["ALLOWED_REDIRECT_HOSTS"]:
            return None
        return url

    @app.route("/")
    def home():
        return "ok"

    @app.route("/auth/complete")
    def complete():
        target = safe_target(request.args.get("return_url"))
        if target is None:
            target = url_for("home")
        return redirect(target)

    return app


app = create_app()
