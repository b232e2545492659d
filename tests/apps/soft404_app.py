"""Safe Flask app whose "not found" page answers 200 (a soft 404).

Used to check that the flaskguard prober detects soft-404s: every unknown
path, including /.env, /.git/config, /backup.zip, /config.py, answers
`200 OK` with a friendly "Page not found" HTML page (which echoes the
requested path, HTML-escaped, so the body differs slightly per path).
A prober that trusts the status code would report FG638 here; it must not.

Apart from that the app is safe: real routes are /, /about and /contact
(static content, GET only), security headers are set on every response, no
cookies, no Werkzeug `Server` banner, bodies limited to 16 KiB.

Start:  python tests/apps/soft404_app.py [--port N]
Prints: LISTENING http://127.0.0.1:<port>
"""

import atexit
import shutil
import tempfile

from flask import Flask, render_template_string, request
from werkzeug.serving import WSGIRequestHandler

TMP = tempfile.mkdtemp(prefix="fg-app-")  # unused, but the contract is one temp folder
atexit.register(shutil.rmtree, TMP, ignore_errors=True)

app = Flask(__name__, static_folder=None)
app.config["MAX_CONTENT_LENGTH"] = 16 * 1024

LAYOUT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }} - Teapot Times</title></head>
<body>
<nav><a href="/">Home</a> | <a href="/about">About</a> | <a href="/contact">Contact</a></nav>
<main>
<h1>{{ title }}</h1>
{% for p in paragraphs %}<p>{{ p }}</p>{% endfor %}
</main>
<footer><p>&copy; Teapot Times</p></footer>
</body></html>
"""

from _common import serve


def page(title, *paragraphs):
    return render_template_string(LAYOUT, title=title, paragraphs=paragraphs)


@app.after_request
def security_headers(resp):
    h = resp.headers
    h["Content-Security-Policy"] = (
        "default-src 'self'; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'; form-action 'self'"
    )
    h["X-Frame-Options"] = "DENY"
    h["X-Content-Type-Options"] = "nosniff"
    h["Referrer-Policy"] = "strict-origin-when-cross-origin"
    h["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    h["Permissions-Policy"] = "geolocation=(), camera=(), microphone=()"
    h["Cross-Origin-Opener-Policy"] = "same-origin"
    h["Cross-Origin-Resource-Policy"] = "same-origin"
    h.setdefault("Cache-Control", "no-cache")
    return resp


@app.route("/")
def index():
    return page(
        "Welcome",
        "The Teapot Times brings you the latest news about teapots.",
        "Read more about us or get in touch using the links above.",
    )


@app.route("/about")
def about():
    return page("About us", "We have been writing about teapots since 1865.")


@app.route("/contact")
def contact():
    return page("Contact", "Write to editor@teapot-times.example.")


@app.errorhandler(404)
def soft_not_found(e):
    # The soft 404: friendly page, but status 200.
    return page(
        "Page not found",
        f"Sorry, we could not find {request.path}.",
        "It may have been moved or deleted. Try the home page instead.",
    ), 200


@app.errorhandler(405)
def method_not_allowed(e):
    return page("Method not allowed", "This page only supports GET."), 405


@app.errorhandler(500)
def server_error(e):
    return page("Something went wrong", "Please try again later."), 500


class QuietHandler(WSGIRequestHandler):
    """No `Server: Werkzeug/...` banner: this app is meant to be clean."""

    def version_string(self):
        return "teapot-times"


def main():
    serve(app, request_handler=QuietHandler)


if __name__ == "__main__":
    main()
