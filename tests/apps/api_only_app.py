"""JSON API with no links at all, for the flaskguard prober's source-guided tests.

DO NOT DEPLOY. `/` returns a JSON blob without links and there is no HTML to
crawl, so the three vulnerable endpoints are only discoverable from the
source (flaskguard's route index):

* GET  /api/v1/users/<username>   SQL injection via the path parameter
                                  (sqlite error text in a 500 JSON body)
* GET  /api/v1/render             SSTI via the X-Template request header
* POST /api/v1/echo               XSS: JSON field reflected into text/html

Everything else is deliberately clean (security headers set, neutral Server
header) so that only those three issues are reported. The SSTI runs in a
Jinja2 SandboxedEnvironment and the SQL injection is SELECT-only on an
in-memory database, so nothing sent here can touch files.

Start:  python tests/apps/api_only_app.py [--port N]
Prints: LISTENING http://127.0.0.1:<port>
"""

import argparse
import atexit
import builtins
import logging
import secrets
import shutil
import signal
import sqlite3
import sys
import tempfile
import threading
import time

import flask
import flask.templating
import jinja2.sandbox
import jwt
from flask import Flask, Response, jsonify, render_template_string, request
from werkzeug.exceptions import HTTPException
from werkzeug.serving import WSGIRequestHandler, make_server

TMP = tempfile.mkdtemp(prefix="fg-app-")  # unused, but the contract is one temp folder
atexit.register(shutil.rmtree, TMP, ignore_errors=True)


class SandboxedFlaskEnv(flask.templating.Environment, jinja2.sandbox.SandboxedEnvironment):
    """Flask's Environment with Jinja's sandbox underneath (see vulnerable_app.py)."""

    intercepted_binops = frozenset(["*", "**", "%"])

    def __init__(self, app, **options):
        if "loader" not in options:
            options["loader"] = app.create_global_jinja_loader()
        jinja2.sandbox.SandboxedEnvironment.__init__(self, **options)
        self.app = app
        real_lipsum = self.globals.get("lipsum")
        if real_lipsum is not None:
            self.globals["lipsum"] = lambda n=5, html=True, min=20, max=100: real_lipsum(
                n=builtins.min(n, 10), html=html, min=builtins.min(min, 100), max=builtins.min(max, 100)
            )

    def is_safe_attribute(self, obj, attr, value):
        if isinstance(obj, flask.Config) and callable(value):
            return False  # no config.from_pyfile(...)
        return super().is_safe_attribute(obj, attr, value)

    def call_binop(self, context, operator, left, right):
        if operator == "**":
            if isinstance(right, (int, float)) and (
                abs(right) > 64
                or (isinstance(left, int) and abs(left).bit_length() * abs(right) > 100000)
            ):
                raise jinja2.sandbox.SecurityError("exponent too large")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, bytes, list, tuple)) and isinstance(n, int) and n > 10000:
                    raise jinja2.sandbox.SecurityError("repetition too large")
        if operator == "%" and isinstance(left, str):
            raise jinja2.sandbox.SecurityError("string formatting is not allowed")
        return super().call_binop(context, operator, left, right)


app = Flask(__name__, static_folder=None)
app.jinja_environment = SandboxedFlaskEnv
app.config["MAX_CONTENT_LENGTH"] = 64 * 1024

DB_LOCK = threading.Lock()
DB = sqlite3.connect(":memory:", check_same_thread=False)
DB.executescript(
    """
    CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT, email TEXT, api_key TEXT);
    INSERT INTO users (username, email, api_key) VALUES
        ('alice', 'alice@example.com', 'ak_alice_5f2c'),
        ('bob', 'bob@example.com', 'ak_bob_9e41');
    """
)
DB.set_authorizer(
    lambda action, *a: sqlite3.SQLITE_DENY
    if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH, sqlite3.SQLITE_PRAGMA)
    else sqlite3.SQLITE_OK
)


@app.after_request
def security_headers(resp):
    resp.headers["X-Content-Type-Options"] = "nosniff"
    resp.headers["X-Frame-Options"] = "DENY"
    resp.headers["Referrer-Policy"] = "no-referrer"
    resp.headers["Content-Security-Policy"] = (
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    )
    resp.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    resp.headers["Cross-Origin-Resource-Policy"] = "same-origin"
    resp.headers["Permissions-Policy"] = "geolocation=(), camera=(), microphone=()"
    resp.headers["Cache-Control"] = "no-store"
    return resp


@app.errorhandler(HTTPException)
def http_error(e):
    return jsonify(error=e.name), e.code


@app.route("/")
def root():
    return jsonify(service="inventory-api", version="1.4.2", status="ok")


@app.route("/api/v1/users/<username>")
def get_user(username):
    with DB_LOCK:
        try:
            cur = DB.execute(  # FG620: path parameter concatenated into SQL
                f"SELECT id, username, email FROM users WHERE username = '{username}'"
            )
            rows = cur.fetchall()
        except sqlite3.Error as e:
            return jsonify(error=f"sqlite3.{type(e).__name__}: {e}"), 500
    if not rows:
        return jsonify(error="user not found"), 404
    return jsonify(users=[{"id": r[0], "username": r[1], "email": r[2]} for r in rows])


@app.route("/api/v1/render")
def render():
    template = request.headers.get("X-Template", "Inventory API says hello")
    try:
        return jsonify(rendered=render_template_string(template))  # FG619 via header
    except jinja2.TemplateError as e:
        return jsonify(error=f"{type(e).__name__}: {e}"), 500


@app.route("/api/v1/echo", methods=["POST"])
def echo():
    data = request.get_json(silent=True)
    if not isinstance(data, dict) or not isinstance(data.get("message"), str):
        return jsonify(error='expected a JSON body {"message": "..."}'), 400
    # FG618: JSON field reflected unescaped into an HTML response
    return Response(f"<p>You said: {data['message']}</p>", mimetype="text/html")


@app.route("/api/v1/users")
def search_users():
    # FG620 via parameter NAMES: every query parameter is a column filter, and its name
    # is pasted into the SQL (the values are bound).
    fields = [name for name in request.args.keys()]
    where = " AND ".join(f"{name} = ?" for name in fields) or "1 = 1"
    with DB_LOCK:
        try:
            rows = DB.execute(
                f"SELECT username FROM users WHERE {where}", [request.args[f] for f in fields]
            ).fetchall()
        except sqlite3.Error as e:
            return jsonify(error=f"sqlite3.{type(e).__name__}: {e}"), 500
    return jsonify(users=[r[0] for r in rows])


STANDARD_HEADERS = {
    "host", "user-agent", "accept", "accept-encoding", "accept-language", "connection",
    "content-length", "content-type", "cookie", "origin", "referer", "authorization",
}


@app.route("/api/v1/audit")
def audit():
    # FG620 via header NAMES: unusual header names are counted in SQL built by pasting.
    seen = 0
    for name in request.headers.keys():
        if name.lower() in STANDARD_HEADERS:
            continue
        with DB_LOCK:
            try:
                seen += DB.execute(f"SELECT COUNT(*) FROM users WHERE username <> '{name}'").fetchone()[0]
            except sqlite3.Error as e:
                return jsonify(error=f"sqlite3.{type(e).__name__}: {e}"), 500
    return jsonify(unusual_headers=seen)


API_SECRET = secrets.token_hex(32)


@app.route("/api/v1/login", methods=["POST"])
def api_login():
    # A JSON login that answers with a bearer token (FG632: no rate limit).
    data = request.get_json(silent=True) or {}
    if data.get("username") == "alice" and data.get("password") == "wonderland":
        token = jwt.encode(
            {"sub": "alice", "exp": int(time.time()) + 900}, API_SECRET, algorithm="HS256"
        )
        return jsonify(access_token=token)
    return jsonify(error="invalid credentials"), 401


@app.route("/api/v1/notes/search")
def notes_search():
    # Behind the bearer token: FG618, the query reflected into HTML.
    auth = request.headers.get("Authorization", "")
    try:
        jwt.decode(auth.removeprefix("Bearer "), API_SECRET, algorithms=["HS256"])
    except jwt.PyJWTError:
        return jsonify(error="unauthorized"), 401
    q = request.args.get("q", "")
    return Response(f"<ul><li>No notes match {q}</li></ul>", mimetype="text/html")


class QuietHandler(WSGIRequestHandler):
    """No `Server: Werkzeug/...` banner: FG604 is not planted in this app."""

    def version_string(self):
        return "api"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even if started with SIGINT ignored
    server = make_server("127.0.0.1", args.port, app, threaded=True, request_handler=QuietHandler)
    print(f"LISTENING http://127.0.0.1:{server.port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
