"""Hardened twin of vulnerable_app.py for the flaskguard prober test suite.

Same routes and features as vulnerable_app.py, done right; the prober should
report nothing at medium severity or above here.

Start:  python tests/apps/hardened_app.py [--port N]
Prints: LISTENING http://127.0.0.1:<port>
Served by waitress (not the Werkzeug development server).

Env:    FG_ADMIN_PASSWORD  password of the Basic-auth user "admin" for
                           /api/admin/stats (default: random, unknowable)
"""

import argparse
import atexit
import logging
import os
import re
import secrets
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from urllib.parse import urlparse

import flask
import jwt
from flask import (
    Flask,
    Response,
    jsonify,
    redirect,
    render_template_string,
    request,
    send_from_directory,
    session,
)
from flask.sessions import SessionInterface, SessionMixin
from flask_cors import CORS
from flask_httpauth import HTTPBasicAuth
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_talisman import Talisman
from flask_wtf.csrf import CSRFProtect
from lxml import etree
from markupsafe import Markup
from werkzeug.datastructures import CallbackDict
from werkzeug.exceptions import HTTPException
from werkzeug.security import check_password_hash, generate_password_hash

TMP = tempfile.mkdtemp(prefix="fg-app-")
DOCS_DIR = os.path.join(TMP, "docs")
STATIC_DIR = os.path.join(TMP, "static")
UPLOADS = os.path.join(TMP, "uploads")
atexit.register(shutil.rmtree, TMP, ignore_errors=True)

for rel, content in {
    "docs/readme.txt": "Welcome to the document store.\nAsk alice for access.\n",
    "docs/guide.txt": "User guide\n==========\n1. Log in.\n2. Search items.\n",
    "static/style.css": "body { font-family: sans-serif; max-width: 50em; margin: auto; }\n",
}.items():
    path = os.path.join(TMP, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(content)

class ServerSession(CallbackDict, SessionMixin):
    def __init__(self, initial=None, sid=None, new=False):
        def on_update(d):
            d.modified = True

        super().__init__(initial, on_update)
        self.sid = sid
        self.new = new
        self.modified = False
        self.old_sid = None

    def regenerate(self):
        """New id at privilege change (login): defeats session fixation."""
        self.old_sid, self.sid = self.sid, secrets.token_urlsafe(32)
        self.modified = True


class ServerSessionInterface(SessionInterface):
    """Server-side sessions: the cookie is an opaque random id, nothing to
    decode (FG606), forge (FG605) or replay after it is dropped (FG607)."""

    LIFETIME = 3600
    MAX_SESSIONS = 10000

    def __init__(self):
        self.store = {}  # sid -> (expires_at, data)
        self.lock = threading.Lock()

    def open_session(self, app, request):
        sid = request.cookies.get(self.get_cookie_name(app))
        if sid:
            with self.lock:
                entry = self.store.get(sid)
            if entry and entry[0] > time.time():
                return ServerSession(entry[1], sid=sid)
        return ServerSession(sid=secrets.token_urlsafe(32), new=True)

    def save_session(self, app, session, response):
        name = self.get_cookie_name(app)
        kwargs = dict(
            domain=self.get_cookie_domain(app),
            path=self.get_cookie_path(app),
            secure=self.get_cookie_secure(app),
            httponly=self.get_cookie_httponly(app),
            samesite=self.get_cookie_samesite(app),
        )
        if session.accessed:
            response.vary.add("Cookie")
        with self.lock:
            if session.old_sid:
                self.store.pop(session.old_sid, None)
            if not session:
                if not session.new:
                    self.store.pop(session.sid, None)
                    response.delete_cookie(name, **kwargs)
                return
            if not session.modified:
                return
            if len(self.store) >= self.MAX_SESSIONS:
                now = time.time()
                for k in [k for k, v in self.store.items() if v[0] <= now]:
                    del self.store[k]
                while len(self.store) >= self.MAX_SESSIONS:
                    del self.store[next(iter(self.store))]
            self.store[session.sid] = (time.time() + self.LIFETIME, dict(session))
        response.set_cookie(name, session.sid, max_age=self.LIFETIME, **kwargs)


# Only the normal /static/ folder is served (no project root, no .env, no .git).
JWT_SECRET = secrets.token_hex(32)

app = Flask(__name__, static_folder=STATIC_DIR)
app.config.update(
    SECRET_KEY=secrets.token_hex(32),
    SESSION_COOKIE_NAME="__Host-session",
    SESSION_COOKIE_SECURE=True,
    SESSION_COOKIE_HTTPONLY=True,
    SESSION_COOKIE_SAMESITE="Lax",
    MAX_CONTENT_LENGTH=1024 * 1024,
    MAX_FORM_PARTS=50,
    PROPAGATE_EXCEPTIONS=False,
)
app.session_interface = ServerSessionInterface()

CSP = {
    "default-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}
# force_https=False: TLS is terminated by the reverse proxy in front of the
# app, which also redirects http->https. HSTS is on (Talisman only emits it on
# https requests; see add_headers below for the plain-http backend).
Talisman(
    app,
    force_https=False,  # flaskguard: ignore[FG242] the reverse proxy terminates TLS and redirects http->https
    strict_transport_security=True,
    strict_transport_security_max_age=31536000,
    strict_transport_security_include_subdomains=True,
    content_security_policy=CSP,
    referrer_policy="strict-origin-when-cross-origin",
    frame_options="DENY",
    x_content_type_options=True,
    session_cookie_secure=True,
    session_cookie_http_only=True,
    session_cookie_samesite="Lax",
)
csrf = CSRFProtect(app)
CORS(app, resources={r"/api/*": {"origins": ["https://app.example.com"]}}, supports_credentials=True)
limiter = Limiter(get_remote_address, app=app, storage_uri="memory://")
auth = HTTPBasicAuth()

ADMIN_PASSWORD_HASH = generate_password_hash(
    os.environ.get("FG_ADMIN_PASSWORD") or secrets.token_urlsafe(24)
)

DB_LOCK = threading.Lock()
DB = sqlite3.connect(":memory:", check_same_thread=False)
DB.executescript(
    """
    CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT UNIQUE, email TEXT, role TEXT,
                        password_hash TEXT);
    CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, price REAL);
    INSERT INTO items (name, price) VALUES
        ('teapot', 12.5), ('looking glass', 40.0), ('pocket watch', 99.9);
    """
)
for _name, _email, _role, _pw in [
    ("alice", "alice@example.com", "user", "wonderland"),
    ("bob", "bob@example.com", "user", secrets.token_urlsafe(16)),
    ("carol", "carol@example.com", "admin", secrets.token_urlsafe(16)),
]:
    DB.execute(
        "INSERT INTO users (name, email, role, password_hash) VALUES (?, ?, ?, ?)",
        (_name, _email, _role, generate_password_hash(_pw)),
    )
DB.commit()
DUMMY_HASH = generate_password_hash(secrets.token_urlsafe(16))  # uniform login timing

COMMENTS = ["First!", "Nice teapots."]
STATE = {"active_sessions": 3}


def query(sql, params=()):
    with DB_LOCK:
        return DB.execute(sql, params).fetchall()


def current_user():
    """(id, name, email, role) of the logged-in user, looked up server-side."""
    uid = session.get("uid")
    if not isinstance(uid, int):
        return None
    rows = query("SELECT id, name, email, role FROM users WHERE id = ?", (uid,))
    return rows[0] if rows else None


def text(body, status=200):
    return Response(body, status=status, mimetype="text/plain")


LAYOUT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Wonderland Shop</title>
<link rel="stylesheet" href="/static/style.css"></head>
<body>{{ body }}</body></html>
"""


def page(template, **ctx):
    """Render a CONSTANT template (autoescaped) inside the layout."""
    body = Markup(render_template_string(template, **ctx))  # already escaped
    return render_template_string(LAYOUT, body=body)


@app.after_request
def add_headers(resp):
    h = resp.headers
    h.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    h.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    h.setdefault("Cross-Origin-Resource-Policy", "same-origin")
    h.setdefault("Cache-Control", "no-store")
    return resp


@app.errorhandler(HTTPException)
def http_error(e):
    return page("<h1>{{ code }} {{ name }}</h1>", code=e.code, name=e.name), e.code


@app.errorhandler(Exception)
def unhandled(e):
    app.logger.exception("unhandled error")  # to stderr, never to the client
    return page("<h1>500 Internal Server Error</h1><p>Something went wrong.</p>"), 500


INDEX = """
<h1>Wonderland Shop</h1>
<p>Visits this session: {{ visits }}</p>
<ul>
  <li><a href="/search?q=teapot">Search</a></li>
  <li><a href="/comments">Comments</a></li>
  <li><a href="/hello?name=world">Hello</a></li>
  <li><a href="/item?id=1">Item 1</a></li>
  <li><a href="/users?name=alice">Users</a></li>
  <li><a href="/ping?host=localhost">Ping</a></li>
  <li><a href="/calc?expr=1%2B2">Calculator</a></li>
  <li><a href="/download?file=readme.txt">Download readme</a></li>
  <li><a href="/go?next=/comments">Go to comments</a></li>
  <li><a href="/fetch?url=https://api.example.com/status">Fetch the API status</a></li>
  <li><a href="/login">Log in</a></li>
  <li><a href="/account">Account</a></li>
  <li><a href="/profile">Profile</a></li>
  <li><a href="/admin">Admin</a></li>
  <li><a href="/api/profile">API profile</a></li>
  <li><a href="/api/admin/stats">API admin stats</a></li>
  <li><a href="/crash">Crash</a></li>
</ul>
<form action="/search" method="get"><input name="q"><button>Search</button></form>
<form action="/login" method="post">
  <input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
  <input name="username"> <input name="password" type="password"> <button>Log in</button>
</form>
<form action="/comments" method="post">
  <input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
  <textarea name="text"></textarea><button>Comment</button>
</form>
<form action="/profile/email" method="post">
  <input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
  <input name="email"><button>Change email</button>
</form>
<form action="/logout" method="post">
  <input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
  <button>Log out</button>
</form>
<form action="/account/delete-sessions" method="post">
  <input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
  <button>Log out all other sessions</button>
</form>
<form action="/upload" method="post" enctype="multipart/form-data">
  <input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
  <input type="file" name="file"><button>Upload</button>
</form>
<form action="/xml" method="post">
  <input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
  <textarea name="xml">&lt;note&gt;hi&lt;/note&gt;</textarea><button>Parse XML</button>
</form>
"""


@app.route("/")
def index():
    session["visits"] = session.get("visits", 0) + 1
    resp = flask.make_response(page(INDEX, visits=session["visits"]))
    resp.set_cookie("prefs", "dark", secure=True, httponly=True, samesite="Lax")
    return resp


@app.route("/search")
def search():
    q = request.args.get("q", "")
    return page("<h1>Results for {{ q }}</h1><p>No items found.</p>", q=q)


COMMENTS_PAGE = """
<h1>Comments</h1><ul>{% for c in comments %}<li>{{ c }}</li>{% endfor %}</ul>
<form method="post" action="/comments">
  <input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
  <textarea name="text"></textarea><button>Post</button>
</form>
"""


@app.route("/comments", methods=["GET", "POST"])
def comments():
    if request.method == "POST":
        COMMENTS.append(request.form.get("text", "")[:2000])
        del COMMENTS[:-200]
        return redirect("/comments", code=303)
    return page(COMMENTS_PAGE, comments=COMMENTS)


@app.route("/hello")
def hello():
    return page("<p>Hello {{ name }}</p>", name=request.args.get("name", "world"))


@app.route("/item")
def item():
    item_id = request.args.get("id", "1")
    if not item_id.isdigit() or len(item_id) > 9:
        return text("id must be a number", 400)
    rows = query("SELECT name FROM items WHERE id = ?", (int(item_id),))
    if not rows:
        return text("no such item", 404)
    return text(rows[0][0])


@app.route("/users")
def users():
    rows = query("SELECT name FROM users WHERE name = ?", (request.args.get("name", ""),))
    return text("".join(f"{r[0]}\n" for r in rows) or "no users\n")


@app.route("/ping")
def ping():
    host = request.args.get("host", "localhost")
    if not re.fullmatch(r"[A-Za-z0-9.-]{1,253}", host) or host.startswith("-"):
        return text("invalid host", 400)
    out = subprocess.run(
        ["echo", "pinging", host], capture_output=True, timeout=5, check=False
    ).stdout  # argument list, no shell
    return text(out.decode("utf-8", "replace"))


_CALC_RE = re.compile(r"[0-9+\-*/ ]{1,100}")
_TOKEN_RE = re.compile(r"\s*(?:(\d+)|(.))")


def safe_calc(expr):
    """Tiny recursive-descent evaluator for + - * / on integers (no eval)."""
    tokens = []
    for num, op in _TOKEN_RE.findall(expr):
        if num:
            if len(num) > 12:
                raise ValueError("number too long")
            tokens.append(int(num))
        elif op.strip():
            tokens.append(op)
    pos = 0

    def peek():
        return tokens[pos] if pos < len(tokens) else None

    def take():
        nonlocal pos
        pos += 1
        return tokens[pos - 1]

    def factor():
        t = peek()
        if t in ("+", "-"):
            take()
            v = factor()
            return v if t == "+" else -v
        if isinstance(t, int):
            return take()
        raise ValueError("expected a number")

    def term():
        v = factor()
        while peek() in ("*", "/"):
            op, rhs = take(), factor()
            if op == "*":
                v = v * rhs
                if abs(v) > 10**30:
                    raise ValueError("too large")
            else:
                if rhs == 0:
                    raise ValueError("division by zero")
                v = v / rhs
        return v

    def expression():
        v = term()
        while peek() in ("+", "-"):
            v = v + term() if take() == "+" else v - term()
        return v

    result = expression()
    if pos != len(tokens):
        raise ValueError("trailing input")
    return result


@app.route("/calc")
def calc():
    expr = request.args.get("expr", "1+2")
    if not _CALC_RE.fullmatch(expr):
        return text("bad expression", 400)
    try:
        return text(str(safe_calc(expr)))
    except (ValueError, IndexError):
        return text("bad expression", 400)


@app.route("/download")
def download():
    # send_from_directory uses werkzeug.security.safe_join: no "..", no absolute paths
    return send_from_directory(DOCS_DIR, request.args.get("file", "readme.txt"), mimetype="text/plain")


@app.route("/go")
def go():
    target = request.args.get("next", "/")
    parsed = urlparse(target)
    if (
        parsed.scheme
        or parsed.netloc
        or not target.startswith("/")
        or target.startswith("//")
        or target.startswith("/\\")
        or "\\" in target
        or any(c in target for c in "\r\n\t")
    ):
        target = "/"
    return redirect(target)


@app.route("/continue")
def continue_link():
    # Only a local path is written into the link (a `javascript:` URL is refused).
    to = request.args.get("to", "/")
    if not to.startswith("/") or to.startswith("//"):
        to = "/"
    return page('<a href="{{ to }}">continue</a>', to=to)


FETCH_ALLOWED_HOSTS = {"api.example.com"}


@app.route("/fetch")
def fetch():
    url = request.args.get("url", "")
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in FETCH_ALLOWED_HOSTS or parsed.port:
        return text("URL not allowed", 400)
    try:
        with urllib.request.urlopen(url, timeout=3) as r:
            data = r.read(2048)
    except Exception:
        return text("upstream fetch failed", 502)
    return Response(data, mimetype="text/plain")


@app.route("/xml", methods=["POST"])
def xml():
    if request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        body = request.form.get("xml", "").encode()
    else:
        body = request.get_data()
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return text("invalid XML", 400)
    if root.getroottree().docinfo.doctype:
        return text("DTDs are not allowed", 400)
    return text(root.text or "")


LOGIN_PAGE = """
<h1>Log in</h1>
<form method="post" action="/login">
  <input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
  <input name="username"> <input name="password" type="password"> <button>Log in</button>
</form>
"""


@app.route("/login", methods=["GET", "POST"])
@limiter.limit("5 per minute", methods=["POST"])
def login():
    if request.method == "GET":
        return page(LOGIN_PAGE)
    username = request.form.get("username", "")
    password = request.form.get("password", "")
    rows = query("SELECT id, password_hash FROM users WHERE name = ?", (username,))
    pw_hash = rows[0][1] if rows else DUMMY_HASH
    if check_password_hash(pw_hash, password) and rows:
        session.clear()
        session.regenerate()  # new session id at login (no fixation)
        session["uid"] = rows[0][0]
        resp = redirect("/account")
        # The API's bearer token: a random key, an expiry, a hardened cookie.
        token = jwt.encode(
            {"sub": str(rows[0][0]), "exp": int(time.time()) + 900}, JWT_SECRET, algorithm="HS256"
        )
        resp.set_cookie(
            "__Host-access_token", token, secure=True, httponly=True, samesite="Strict", path="/"
        )
        return resp
    return text("invalid username or password", 401)


@app.route("/logout", methods=["POST"])
def logout():
    # Server-side sessions: clearing drops the stored session, so old cookies die with it.
    session.clear()
    resp = redirect("/")
    resp.delete_cookie("__Host-access_token", path="/", secure=True, samesite="Strict")
    return resp


def _bearer():
    auth = request.headers.get("Authorization", "")
    if auth.startswith("Bearer "):
        return auth[7:]
    return request.cookies.get("__Host-access_token", "")


@app.route("/api/v2/me")
def api_me():
    try:
        claims = jwt.decode(_bearer(), JWT_SECRET, algorithms=["HS256"])
    except jwt.PyJWTError:
        return jsonify(error="invalid token"), 401
    return jsonify(sub=claims.get("sub"))


@app.route("/api/legacy/me")
def api_legacy_me():
    try:
        claims = jwt.decode(_bearer(), JWT_SECRET, algorithms=["HS256"], options={"require": ["exp"]})
    except jwt.PyJWTError:
        return jsonify(error="invalid token"), 401
    return jsonify(sub=claims.get("sub"))


@app.route("/account")
def account():
    user = current_user()
    if user:
        resp = flask.make_response(
            page(
                "<h1>Account of {{ u[1] }}</h1><p>Email: {{ u[2] }}</p>"
                '<p><a href="/profile">Edit profile</a></p>',
                u=user,
            )
        )
    else:
        resp = flask.make_response(
            page('<h1>Account</h1><p>You are browsing as a guest. <a href="/login">Log in</a></p>')
        )
    resp.headers["Cache-Control"] = "no-store, private"
    resp.vary.add("Cookie")
    return resp


PROFILE_PAGE = """
<h1>Profile</h1><p>Email: {{ email }}</p>
<form method="post" action="/profile/email">
  <input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
  <input name="email"><button>Change email</button>
</form>
<form method="post" action="/account/delete-sessions">
  <input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
  <button>Log out all other sessions</button>
</form>
"""


@app.route("/profile")
def profile():
    user = current_user()
    resp = flask.make_response(page(PROFILE_PAGE, email=user[2] if user else "(not logged in)"))
    resp.headers["Cache-Control"] = "no-store, private"
    return resp


@app.route("/profile/email", methods=["POST"])
def change_email():
    user = current_user()
    if not user:
        return text("login required", 401)
    email = request.form.get("email", "")
    if not re.fullmatch(r"[^@\s]{1,64}@[A-Za-z0-9.-]{1,253}", email):
        return text("invalid email", 400)
    with DB_LOCK:
        DB.execute("UPDATE users SET email = ? WHERE id = ?", (email, user[0]))
        DB.commit()
    return redirect("/profile", code=303)


@app.route("/account/delete-sessions", methods=["POST"])
def delete_sessions():
    if not current_user():
        return text("login required", 401)
    STATE["active_sessions"] = 0
    return page("<p>All other sessions have been logged out.</p>")


@app.route("/admin")
def admin():
    user = current_user()
    if user and user[3] == "admin":
        return "Welcome, admin"
    return text("forbidden", 403)


@app.route("/api/profile")
def api_profile():
    user = current_user()
    resp = jsonify(user=user[1] if user else None, email=user[2] if user else None)
    resp.headers["Cache-Control"] = "no-store, private"
    return resp


@auth.verify_password
def verify_password(username, password):
    if username == "admin" and check_password_hash(ADMIN_PASSWORD_HASH, password or ""):
        return username
    return None


@app.route("/api/admin/stats")
@auth.login_required
def admin_stats():
    n_users = query("SELECT COUNT(*) FROM users")[0][0]
    return jsonify(users=n_users, comments=len(COMMENTS), active_sessions=STATE["active_sessions"])


@app.route("/upload", methods=["POST"])
def upload():
    # MAX_CONTENT_LENGTH (1 MiB) is enforced before we get here -> 413.
    if request.files:
        size = sum(len(f.read()) for f in request.files.values())
    else:
        size = len(request.get_data())
    return text(f"received {size} bytes")


@app.route("/prefs/import", methods=["POST"])
def prefs_import():
    # JSON, never pickle: data, not code.
    import base64
    import json

    try:
        prefs = json.loads(base64.b64decode(request.form.get("blob", ""), validate=True))
    except (ValueError, TypeError):
        return text("bad prefs", 400)
    if not isinstance(prefs, dict):
        return text("bad prefs", 400)
    return text(f"imported {len(prefs)} preferences")


AVATAR_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}


@app.route("/avatar", methods=["POST"])
def avatar():
    # Images only (extension and magic bytes), a generated name, served as an attachment.
    f = request.files.get("avatar")
    if f is None or not f.filename:
        return text("no file", 400)
    ext = os.path.splitext(f.filename)[1].lower()
    head = f.stream.read(8)
    f.stream.seek(0)
    if ext not in AVATAR_TYPES or not (
        head.startswith(b"\x89PNG") or head.startswith(b"\xff\xd8\xff")
    ):
        return text("images only (png, jpeg)", 400)
    name = secrets.token_hex(8) + ext
    os.makedirs(UPLOADS, exist_ok=True)
    f.save(os.path.join(UPLOADS, name))
    return jsonify(url=f"/files/{name}")


@app.route("/files/<name>")
def uploaded(name):
    ext = os.path.splitext(name)[1].lower()
    if ext not in AVATAR_TYPES:
        return text("not found", 404)
    return send_from_directory(
        UPLOADS, name, mimetype=AVATAR_TYPES[ext], as_attachment=True
    )


@app.route("/api/cart", methods=["POST"])
def api_cart():
    # MAX_CONTENT_LENGTH (1 MiB) bounds the body; the list is bounded too.
    data = request.get_json(silent=True)
    if not isinstance(data, dict) or not isinstance(data.get("items", []), list):
        return jsonify(error="expected {\"items\": [...]}"), 400
    items = data.get("items", [])
    if len(items) > 100:
        return jsonify(error="at most 100 items"), 400
    return jsonify(count=len(items))


@app.route("/crash")
def crash():
    raise RuntimeError("database connection lost (simulated crash)")  # -> generic 500


def main():
    import waitress

    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args()
    logging.getLogger("waitress").setLevel(logging.ERROR)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even if started with SIGINT ignored
    server = waitress.create_server(app, host="127.0.0.1", port=args.port)
    print(f"LISTENING http://127.0.0.1:{server.effective_port}", flush=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


if __name__ == "__main__":
    main()
