"""Greeting card preview, values are passed as template context only."""
from flask import Blueprint, Flask, render_template_string, request

cards = Blueprint("cards", __name__, url_prefix="/cards")

CARD_STYLES = {
    "birthday": "background:#ffe;",
    "thanks": "background:#eef;",
}

CARD_TEMPLATE = """
<div class="card" style="{{ style }}">
  <h1>Dear {{ recipient }},</h1>
  <p>{{ message }}</p>
</div>
"""


@cards.route("/preview")
def preview():
    return render_template_string(
        CARD_TEMPLATE,
        style=CARD_STYLES.get(request.args.get("style", "thanks"), ""),
        recipient=request.args.get("to", "friend"),
        message=request.args.get("msg", ""),
    )


def create_app():
    app = Flask(__name__)
    app.register_blueprint(cards)
    return app


app = create_app()
