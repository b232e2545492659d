"""WSGI entry point.

Production runs ``gunicorn wsgi:app``; the Flask CLI picks up ``wsgi:app``
through ``.flaskenv``.
"""
from notesapp import create_app

app = create_app()
