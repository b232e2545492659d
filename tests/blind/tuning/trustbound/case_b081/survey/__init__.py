from flask import Flask, session

from .views import answer, progress


class SurveyApp(Flask):
    def stash(self, **fields):
        for name, value in fields.items():
            session[name] = value


def create_app():
    app = SurveyApp(__name__)
    app.secret_key = "survey"
    app.add_url_rule("/survey/answer", "answer", answer, methods=["POST"])
    app.add_url_rule("/survey/progress", "progress", progress)
    return app
