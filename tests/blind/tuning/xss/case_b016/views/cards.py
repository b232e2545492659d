from flask import request

from helpers import *


def init_app(app):
    @app.route("/cards/preview", methods=["POST"])
    def card_preview():
        data = request.get_json(force=True) or {}
        card = render_card(data.get("title", "Untitled"), data.get("body", ""))
        return wrap_page(card)
