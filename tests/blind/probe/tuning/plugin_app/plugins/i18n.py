"""Localised pages under /i18n/.

The plugin tags every /i18n/ response with the visitor's language, which is done
in a small WSGI middleware so it also covers error pages.
"""
import html
from urllib.parse import parse_qs

from flask import make_response, request

GREETINGS = {"en": "Hello", "fr": "Bonjour", "de": "Hallo", "es": "Hola"}


class ContentLanguageMiddleware:
    def __init__(self, wsgi_app, prefix="/i18n/"):
        self.wsgi_app = wsgi_app
        self.prefix = prefix

    def __call__(self, environ, start_response):
        if not environ.get("PATH_INFO", "").startswith(self.prefix):
            return self.wsgi_app(environ, start_response)
        lang = parse_qs(environ.get("QUERY_STRING", "")).get("lang", ["en"])[0]

        def tagged_start_response(status, headers, exc_info=None):
            headers = [(k, v) for k, v in headers if k.lower() != "content-language"]
            headers.append(("Content-Language", lang))
            return start_response(status, headers, exc_info)

        return self.wsgi_app(environ, tagged_start_response)


def register(app):
    app.wsgi_app = ContentLanguageMiddleware(app.wsgi_app)

    @app.route("/i18n/hello")
    def hello():
        lang = request.args.get("lang", "en")
        word = GREETINGS.get(lang[:2].lower(), "Hello")
        return f"<!doctype html><title>{word}</title><p>{word}! ({html.escape(lang)})</p>"

    @app.route("/locale")
    def locale():
        lang = request.args.get("lang", "en")
        if lang not in GREETINGS:
            lang = "en"
        resp = make_response(f"<!doctype html><p>{GREETINGS[lang]}!</p>")
        resp.headers["Content-Language"] = lang
        return resp
