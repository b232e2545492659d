from flask import Flask

from views.snippets import SnippetView


def create_app():
    app = Flask(__name__)
    app.config["SNIPPET_DIR"] = "snippets"
    app.add_url_rule("/snippets/<name>", view_func=SnippetView.as_view("snippet"))
    return app


app = create_app()
