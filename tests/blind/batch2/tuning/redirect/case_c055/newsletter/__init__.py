from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["CAMPAIGN_SOURCES"] = {"email", "rss", "social"}
    from .tracking import ClickView

    app.add_url_rule("/out", view_func=ClickView.as_view("click"))
    return app
