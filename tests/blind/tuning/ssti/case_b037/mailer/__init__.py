from flask import Flask

from .snippets import upload_snippet, list_snippets


class MailerApp(Flask):
    jinja_options = {**Flask.jinja_options, "trim_blocks": True}

    def render_snippet(self, source, **ctx):
        return self.jinja_env.from_string(source).render(**ctx)


def create_app():
    app = MailerApp(__name__)
    app.add_url_rule("/snippets", view_func=list_snippets)
    app.add_url_rule("/snippets/upload", view_func=upload_snippet, methods=["POST"])
    return app
