"""Greeting card preview."""
from flask import Blueprint, Flask, render_template_string, request

cards = Blueprint("cards", __name__, url_prefix="/cards")

CARD_STYLES = {
    "birthday": "background:#ffe;",
    "thanks": "background:#eef;",
}


def card_markup(style_key, recipient):
    style = CARD_STYLES.get(style_key, "")
    return (
        f"<div class='card' style='{style}'><h1>Dear {recipient},</h1>"
        "<p>{{ message }}</p></div>"
    )


@cards.route("/preview")
def preview():
    recipient = request.args.get("to", "friend")
    message = request.args.get("msg", "")
    return render_template_string(card_markup(request.args.get("style", "thanks"), recipient), message=message)


def create_app():
    app = Flask(__name__)
    app.register_blueprint(cards)
    return app


app = create_app()
