from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.from_mapping(
        FEED_HOSTS={"feeds.example.com", "status.example.org", "blog.example.net"},
        FETCH_TIMEOUT=4,
    )
    from .feeds import feeds_bp

    app.register_blueprint(feeds_bp)
    return app
