"""WSGI entry point.

Production runs ``gunicorn wsgi:application``; the Flask CLI picks up
``wsgi:app`` through ``.flaskenv``.
"""
from werkzeug.middleware.dispatcher import DispatcherMiddleware

from notesapp import create_app
from notesapp.admin import admin_app

app = create_app()

# The legacy operations console is a separate Flask app mounted under /admin.
application = DispatcherMiddleware(app, {"/admin": admin_app})
