"""Profile settings for the project tracker."""
import functools
import os

from flask import Flask, abort, jsonify, request, session

ROLES = ("viewer", "editor", "admin")


def login_required(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if "user_id" not in session:
            abort(401)
        return view(*args, **kwargs)

    return wrapped


def role_required(role):
    def decorator(view):
        @functools.wraps(view)
        def wrapped(*args, **kwargs):
            if ROLES.index(session.get("role", "viewer")) < ROLES.index(role):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def create_app():
    app = Flask(__name__)
    app.config.update(SECRET_KEY=os.environ["SECRET_KEY"], SESSION_COOKIE_SECURE=True)

    @app.route("/profile", methods=["POST"])
    @login_required
    def update_profile():
        session["display_name"] = request.form.get("display_name", "")[:80]
        role = request.form.get("role")
        if role in ROLES:
            session["role"] = role
        return jsonify(ok=True)

    @app.route("/admin/projects", methods=["DELETE"])
    @login_required
    @role_required("admin")
    def purge_projects():
        return jsonify(purged=True)

    return app


app = create_app()
