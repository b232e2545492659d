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

import atexit
import secrets
import shutil
import sqlite3
import tempfile
import threading
import time

import jinja2
import jwt
from flask import Flask, Response, jsonify, render_template_string, request
from werkzeug.exceptions import HTTPException
from werkzeug.serving import WSGIRequestHandler

TMP = tempfile.mkdtemp(prefix="fg-app-")  # unused, but the contract is one temp folder
atexit.register(shutil.rmtree, TMP, ignore_errors=True)

from _common import SandboxedFlaskEnv, serve


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
    serve(app, request_handler=QuietHandler)


if __name__ == "__main__":
    main()
