from flask import Flask

import tools


def create_app():
    app = Flask(__name__)
    app.config.from_mapping(PING_COUNT=2)
    tools.init_app(app)
    return app


app = create_app()
