"""Greeting cards partners can send to their customers."""
import html

from flask import render_template_string


def register(app):
    @app.route("/cards/birthday/<name>")
    def birthday_card(name):
        # the name is HTML-escaped before it goes into the card layout
        card = (
            "<!doctype html><title>Card</title>"
            '<div class="card"><h1>Happy birthday, ' + html.escape(name, quote=False) + "!</h1>"
            "<p>Best wishes from everyone at {{ company }}.</p></div>"
        )
        return render_template_string(card, company="ACME")

    @app.route("/cards/thanks/<name>")
    def thanks_card(name):
        return render_template_string(
            "<!doctype html><title>Card</title>"
            '<div class="card"><h1>Thank you, {{ name }}!</h1>'
            "<p>Best wishes from everyone at {{ company }}.</p></div>",
            name=name,
            company="ACME",
        )
