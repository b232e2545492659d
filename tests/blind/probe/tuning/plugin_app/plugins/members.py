"""Member directory helpers and the feedback/contact forms (old-style plugin)."""
import sqlite3

from flask import render_template, render_template_string, request


def init_app(app):
    @app.route("/members/<name>/exists")
    def member_exists(name):
        """Used by the sign-up page to check whether a username is taken."""
        try:
            rows = app.db.query(f"SELECT 1 FROM members WHERE username = '{name}'")
            found = bool(rows)
        except sqlite3.Error:
            found = False
        return ("found" if found else "not found"), 200, {"Content-Type": "text/plain; charset=utf-8"}

    @app.route("/feedback", methods=["GET", "POST"])
    def feedback():
        if request.method == "GET":
            return render_template("feedback.html", action="/feedback")
        name = request.form.get("name", "friend")
        message = request.form.get("message", "")
        app.logger.info("feedback (%d chars)", len(message))
        return (
            "<!doctype html><title>Thanks</title>"
            f"<p>Thanks for your feedback, <b>{name}</b>! We read every message.</p>"
            '<p><a href="/">Back to the portal</a></p>'
        )

    @app.route("/contact", methods=["GET", "POST"])
    def contact():
        if request.method == "GET":
            return render_template("feedback.html", action="/contact")
        return render_template_string(
            "<!doctype html><title>Thanks</title>"
            "<p>Thanks, <b>{{ name }}</b>. A partner manager will contact you.</p>"
            '<p><a href="/">Back to the portal</a></p>',
            name=request.form.get("name", "friend"),
        )
