from flask import Flask


def create_app(config_object="config.Config"):
    app = Flask(__name__)
    app.config.from_object(config_object)

    from blog.routes import posts
    app.register_blueprint(posts)
    return app
