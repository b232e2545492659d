import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    app.config["COMMENT_HELP_HTML"] = (
        "<p>Be kind. Links are <strong>not</strong> clickable. "
        "See the <a href='/guidelines'>guidelines</a>.</p>"
    )
    from .views import bp

    app.register_blueprint(bp)
    return app
