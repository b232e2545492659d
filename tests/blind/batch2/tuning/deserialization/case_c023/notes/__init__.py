from flask import Flask


def create_app():
    app = Flask(__name__)
    from .views import NoteAPI

    view = NoteAPI.as_view("notes")
    app.add_url_rule("/notes", view_func=view, methods=["POST"])
    app.add_url_rule("/notes/<int:note_id>", view_func=view, methods=["GET"])
    return app
