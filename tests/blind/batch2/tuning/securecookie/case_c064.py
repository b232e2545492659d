"""UI preferences (sidebar state, colour theme) kept in plain cookies."""
import os

from flask import Flask, jsonify, make_response, request

THEMES = ("light", "dark", "system")

app = Flask(__name__)
app.config.update(
    SECRET_KEY=os.environ["SECRET_KEY"],
    SESSION_COOKIE_SECURE=True,
    SESSION_COOKIE_HTTPONLY=True,
)


@app.route("/prefs/ui", methods=["POST"])
def save_ui_prefs():
    theme = request.form.get("theme", "system")
    if theme not in THEMES:
        theme = "system"
    collapsed = "1" if request.form.get("sidebar_collapsed") == "true" else "0"
    resp = make_response(jsonify(theme=theme, sidebar_collapsed=collapsed == "1"))
    # read by the front-end before first paint; carries no identity or secret
    resp.set_cookie("ui_theme", theme, max_age=365 * 86400, samesite="Lax")
    resp.set_cookie("sidebar_collapsed", collapsed, max_age=365 * 86400, samesite="Lax")
    return resp
