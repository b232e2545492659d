"""Deliberately vulnerable Flask app for the flaskguard dynamic-prober test suite.

DO NOT DEPLOY. Every issue listed in vulnerable_app.expected is planted on
purpose. The injection sinks are real (a prober's payloads really reach
sqlite / bash / eval / open / urlopen / lxml / Jinja) but each one is fenced
so that nothing sent to this app can write or delete files outside the app's
own temp folder:

* SSTI runs in a Jinja2 SandboxedEnvironment (no attribute escapes, no
  method calls on ``config``, bounded ``*``/``**``/``range``).
* command injection runs in restricted bash (``bash -r``) with PATH set to an
  empty directory, so only builtins work; output redirection, ``cd``,
  commands containing ``/`` and ``exec`` are refused by bash itself;
  ``kill``/``set``/``ulimit``/``enable`` are disabled before user input runs,
  resource limits (processes, CPU, memory, file size 0) are applied, and the
  whole process group is killed afterwards.
* code injection is a real ``eval`` but only of an AST allow-list
  (constants, arithmetic, calls of str/int/len/abs/max/min).
* path traversal, SSRF and XXE only read.
* SQL injection is SELECT-only (sqlite3 ``execute`` runs one statement) on an
  in-memory database, with an authorizer that refuses ATTACH/DETACH/PRAGMA.

Start:  python tests/apps/vulnerable_app.py [--port N]
Prints: LISTENING http://127.0.0.1:<port>
"""

import ast
import base64
import io
import pickle
import atexit
import os
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import threading
import time
import urllib.request

import flask
import jinja2
import jwt
import markupsafe
from flask import Flask, Response, jsonify, redirect, render_template_string, request, session
from flask_httpauth import HTTPBasicAuth
from lxml import etree
from werkzeug.debug import DebuggedApplication

# ---------------------------------------------------------------------------
# The one temp folder this app may write in.
# ---------------------------------------------------------------------------
TMP = tempfile.mkdtemp(prefix="fg-app-")
DOCS_DIR = os.path.join(TMP, "docs")
TMP_BIN = os.path.join(TMP, "bin")  # stays empty: PATH for the restricted shell
UPLOADS = os.path.join(TMP, "uploads")  # inside the temp folder: basename() keeps it there

from _common import SandboxedFlaskEnv, serve


def _cleanup():
    shutil.rmtree(TMP, ignore_errors=True)


atexit.register(_cleanup)


def _write(rel, text):
    path = os.path.join(TMP, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


os.makedirs(TMP_BIN, exist_ok=True)
if shutil.which("sleep"):
    # The one program on the restricted shell's PATH: harmless, and what makes the blind
    # injection of /notify measurable.
    os.symlink(shutil.which("sleep"), os.path.join(TMP_BIN, "sleep"))
os.makedirs(UPLOADS, exist_ok=True)
os.chmod(TMP, 0o711)  # lets the unprivileged /ping shell chdir here (no listing, no writes)
_write("docs/readme.txt", "Welcome to the document store.\nAsk alice for access.\n")
_write("docs/guide.txt", "User guide\n==========\n1. Log in.\n2. Search items.\n")
# FG638: secrets lying around in the folder that is served as static root.
_write(".env", "SECRET_KEY=changeme\nDATABASE_URL=postgres://app:hunter2@db/app\nDEBUG=1\n")
_write(
    ".git/config",
    "[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = false\n"
    '[remote "origin"]\n\turl = https://git.example.com/acme/vulnerable-app.git\n'
    "\tfetch = +refs/heads/*:refs/remotes/origin/*\n"
    '[branch "main"]\n\tremote = origin\n\tmerge = refs/heads/main\n',
)
_write(".git/HEAD", "ref: refs/heads/main\n")


# ---------------------------------------------------------------------------
# Sandboxed Jinja environment (keeps the SSTI real but harmless).
# ---------------------------------------------------------------------------
# FG638: the temp folder (with .env and .git/) is the static root.
JWT_SECRET = "secret"  # FG610: a guessable HMAC key for the API's tokens

app = Flask(__name__, static_folder=TMP, static_url_path="")
app.jinja_environment = SandboxedFlaskEnv  # before the env is first created
app.config.update(
    SECRET_KEY="changeme",  # FG605
    PROPAGATE_EXCEPTIONS=True,  # let the Werkzeug debugger show tracebacks (FG603)
    # FG609: SESSION_COOKIE_SAMESITE unset, SESSION_COOKIE_SECURE False (defaults)
    # FG630: no MAX_CONTENT_LENGTH
)
auth = HTTPBasicAuth()

# ---------------------------------------------------------------------------
# Data: in-memory sqlite, one connection behind a lock.
# ---------------------------------------------------------------------------
DB_LOCK = threading.Lock()
DB = sqlite3.connect(":memory:", check_same_thread=False)
DB.executescript(
    """
    CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT, role TEXT, password TEXT);
    CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, price REAL);
    CREATE TABLE sessions (id INTEGER PRIMARY KEY, user TEXT, active INTEGER);
    INSERT INTO users (name, email, role, password) VALUES
        ('alice', 'alice@example.com', 'user', 'wonderland'),
        ('bob', 'bob@example.com', 'user', 'builder'),
        ('carol', 'carol@example.com', 'admin', 'x9!Lq2#vT');
    INSERT INTO items (name, price) VALUES
        ('teapot', 12.5), ('looking glass', 40.0), ('pocket watch', 99.9);
    """
)


def _authorizer(action, *args):
    if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH, sqlite3.SQLITE_PRAGMA):
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


DB.set_authorizer(_authorizer)

COMMENTS = ["First!", "Nice teapots."]
STATE = {"active_sessions": 3}


def text(body, status=200):
    return Response(body, status=status, mimetype="text/plain")


# ---------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------
INDEX = """<!doctype html>
<html><head><title>Wonderland Shop</title></head>
<body>
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
  <li><a href="/fetch?url={{ self_url }}docs/guide.txt">Fetch the guide</a></li>
  <li><a href="/login">Log in</a></li>
  <li><a href="/account">Account</a></li>
  <li><a href="/profile">Profile</a></li>
  <li><a href="/admin">Admin</a></li>
  <li><a href="/api/profile">API profile</a></li>
  <li><a href="/api/admin/stats">API admin stats</a></li>
  <li><a href="/account/delete-sessions">Log out all other sessions</a></li>
  <li><a href="/crash">Crash</a></li>
</ul>
<form action="/search" method="get"><input name="q"><button>Search</button></form>
<form action="/login" method="post">
  <input name="username"> <input name="password" type="password"> <button>Log in</button>
</form>
<form action="/comments" method="post"><textarea name="text"></textarea><button>Comment</button></form>
<form action="/profile/email" method="post"><input name="email"><button>Change email</button></form>
<form action="/upload" method="post" enctype="multipart/form-data">
  <input type="file" name="file"><button>Upload</button>
</form>
<form action="/xml" method="post"><textarea name="xml">&lt;note&gt;hi&lt;/note&gt;</textarea><button>Parse XML</button></form>
</body></html>
"""


@app.route("/")
def index():
    session["visits"] = session.get("visits", 0) + 1  # anonymous signed session cookie
    resp = flask.make_response(
        render_template_string(INDEX, visits=session["visits"], self_url=request.host_url)
    )
    resp.set_cookie("prefs", "dark")  # FG609: no Secure/HttpOnly/SameSite
    return resp


@app.route("/search")
def search():
    q = request.args.get("q", "")
    return f"<h1>Results for {q}</h1><p>No items found.</p>"  # FG618 reflected


@app.route("/continue")
def continue_link():
    # Escaped (quotes too), but at the start of href: ?to=javascript:... runs.
    to = request.args.get("to", "/")
    return f'<a href="{markupsafe.escape(to)}">continue</a>'  # FG618


@app.route("/comments", methods=["GET", "POST"])
def comments():
    if request.method == "POST":
        COMMENTS.append(request.form.get("text", ""))  # FG618 stored
        del COMMENTS[:-200]
        return redirect("/comments", code=303)
    items = "".join(f"<li>{c}</li>" for c in COMMENTS)
    return (
        "<h1>Comments</h1><ul>" + items + "</ul>"
        '<form method="post" action="/comments"><textarea name="text"></textarea>'
        "<button>Post</button></form>"
    )


@app.route("/quote")
def quote():
    # The value sits in a raw block: "{% endraw %}{{7*7}}{% raw %}" gets out of it.
    text_in = request.args.get("text", "hi")
    try:
        return render_template_string("<q>{% raw %}" + text_in + "{% endraw %}</q>")  # FG619
    except jinja2.TemplateError as e:
        return text(f"template error: {type(e).__name__}: {e}", 500)


@app.route("/hello")
def hello():
    name = request.args.get("name", "world")
    try:
        return render_template_string("<p>Hello " + name + "</p>")  # FG619
    except jinja2.TemplateError as e:
        return text(f"template error: {type(e).__name__}: {e}", 500)


@app.route("/item")
def item():
    item_id = request.args.get("id", "1")
    with DB_LOCK:
        try:
            cur = DB.cursor()
            cur.execute(f"SELECT name FROM items WHERE id = {item_id}")  # FG620
            rows = cur.fetchall()
        except sqlite3.Error as e:
            return text(f"sqlite3.{type(e).__name__}: {e}\nquery failed for id={item_id}", 500)
    if not rows:
        return text("no such item", 404)
    return text("\n".join(str(r[0]) for r in rows))


@app.route("/users")
def users():
    name = request.args.get("name", "")
    with DB_LOCK:
        try:
            cur = DB.cursor()
            cur.execute("SELECT name, email FROM users WHERE name = '" + name + "'")  # FG620
            rows = cur.fetchall()
        except sqlite3.Error as e:
            return text(f"sqlite3.{type(e).__name__}: {e}", 500)
    return text("".join(f"{r[0]} <{r[1]}>\n" for r in rows) or "no users\n")


# Visit tracking lives in its own database. SQLite has no sleep function; this one is given
# PostgreSQL's `pg_sleep` (capped at 5 s) so that a time-based injection can be measured
# here as it would be against PostgreSQL.
TRACK_LOCK = threading.Lock()
TRACK_DB = sqlite3.connect(":memory:", check_same_thread=False)
TRACK_DB.execute("CREATE TABLE visits (ref TEXT)")
TRACK_DB.create_function("pg_sleep", 1, lambda s: time.sleep(min(float(s or 0), 5.0)) or 0)
TRACK_DB.set_authorizer(_authorizer)


@app.route("/track")
def track():
    # FG620 (blind): the referrer is pasted into an INSERT; errors are swallowed and the
    # answer never changes, so only time tells.
    ref = request.args.get("ref", "home")
    with TRACK_LOCK:
        try:
            TRACK_DB.execute("INSERT INTO visits (ref) VALUES ('" + ref + "')")
        except sqlite3.Error:
            pass
    return text("ok")


def _user_process_count():
    uid = str(os.getuid())
    n = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("Uid:"):
                        n += line.split()[1] == uid
                        break
        except OSError:
            pass
    return n


BASH = shutil.which("bash")


def _run_restricted(command):
    """Runs `command` in restricted bash (the injection is real; the fence keeps it
    harmless): returns its output."""
    # Fence (set before user input runs; restricted bash can't undo it):
    # process/CPU/memory limits, no file writes, no kill/set/ulimit/enable.
    # RLIMIT_NPROC does not bind root, so when we run as root the shell is
    # started as "nobody" (which then also cannot write into TMP at all).
    if os.geteuid() == 0:
        drop, nproc = {"user": 65534, "group": 65534, "extra_groups": []}, 32
    else:
        drop, nproc = {}, _user_process_count() + 16
    prelude = (
        f"ulimit -u {nproc}; ulimit -t 5; ulimit -v 131072; ulimit -f 0; "
        "enable -n kill set ulimit enable; "
    )
    proc = subprocess.Popen(
        [BASH, "-r", "-c", prelude + command],
        cwd=TMP,
        env={"PATH": TMP_BIN},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        **drop,
    )

    def kill_group():
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # background jobs too
        except (ProcessLookupError, PermissionError):
            pass

    try:
        out, _ = proc.communicate(timeout=5)
    except subprocess.TimeoutExpired:
        kill_group()
        out, _ = proc.communicate()
    finally:
        kill_group()
    return out


@app.route("/ping")
def ping():
    host = request.args.get("host", "localhost")
    if not BASH:
        return text("restricted shell unavailable", 500)
    out = _run_restricted("echo pinging " + host)  # FG621
    return text(out[:65536].decode("utf-8", "replace"))


@app.route("/notify")
def notify():
    # FG621 (blind): the output is never shown; only time tells (`sleep` is on the PATH).
    email = request.args.get("email", "alice@example.com")
    if not BASH:
        return text("restricted shell unavailable", 500)
    _run_restricted("echo queued notification for " + email)
    return text("notification queued")


SAFE_FUNCS = {"str": str, "int": int, "len": len, "abs": abs, "max": max, "min": min}
_ARITH = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod)


def _check_expr(node, depth=0):
    """AST allow-list; raises ValueError for anything else."""
    if depth > 30:
        raise ValueError("too deep")
    if isinstance(node, ast.Expression):
        return _check_expr(node.body, depth + 1)
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, (int, float, str)):
            raise ValueError("constant")
        if isinstance(node.value, int) and abs(node.value) > 10**12:
            raise ValueError("big")
        if isinstance(node.value, str) and len(node.value) > 200:
            raise ValueError("long")
        return
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.UAdd, ast.USub)):
        return _check_expr(node.operand, depth + 1)
    if isinstance(node, ast.BinOp) and isinstance(node.op, _ARITH):
        if isinstance(node.op, (ast.Mult, ast.Mod)):
            # no string repetition / %-formatting blow-ups
            for side in (node.left, node.right):
                if isinstance(side, ast.Constant) and isinstance(side.value, str):
                    raise ValueError("string op")
                if (
                    isinstance(side, ast.Call)
                    and isinstance(side.func, ast.Name)
                    and side.func.id in ("str", "max", "min")
                ):
                    raise ValueError("string op")
        _check_expr(node.left, depth + 1)
        return _check_expr(node.right, depth + 1)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in SAFE_FUNCS
        and not node.keywords
        and len(node.args) <= 8
    ):
        for a in node.args:
            _check_expr(a, depth + 1)
        return
    raise ValueError(type(node).__name__)


@app.route("/calc")
def calc():
    expr = request.args.get("expr", "1+2")
    try:
        if len(expr) > 500:
            raise ValueError("long")
        tree = ast.parse(expr, mode="eval")
        _check_expr(tree)
    except (SyntaxError, ValueError):
        return text("bad expression", 400)
    try:
        result = eval(compile(tree, "<calc>", "eval"), {"__builtins__": {}}, SAFE_FUNCS)  # FG622
    except Exception as e:  # ZeroDivisionError, TypeError, ...
        return text(f"error: {type(e).__name__}: {e}", 400)
    return text(str(result))


@app.route("/download")
def download():
    name = request.args.get("file", "readme.txt")
    path = os.path.join(DOCS_DIR, name)  # FG623
    try:
        with open(path, "rb") as f:
            data = f.read(1 << 20)
    except OSError as e:
        return text(f"cannot open {path}: {e.strerror}", 404)
    return Response(data, mimetype="text/plain")


@app.route("/go")
def go():
    return redirect(request.args.get("next", "/"))  # FG624


@app.route("/fetch")
def fetch():
    url = request.args.get("url", "")
    try:
        with urllib.request.urlopen(url, timeout=3) as r:  # FG625
            data = r.read(2048)
    except Exception as e:
        return text(f"fetch failed: {e}", 502)
    return Response(data, mimetype="text/plain")


@app.route("/xml", methods=["POST"])
def xml():
    body = request.get_data(cache=True)
    if request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        body = request.form.get("xml", "").encode() or body
    parser = etree.XMLParser(resolve_entities=True, no_network=False, load_dtd=True)  # FG626
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as e:
        return text(f"XML error: {e}", 400)
    return text(root.text or "")


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return (
            '<h1>Log in</h1><form method="post" action="/login">'
            '<input name="username"> <input name="password" type="password">'
            "<button>Log in</button></form>"
        )
    # FG632: no rate limit, no lockout.
    username = request.form.get("username", "")
    password = request.form.get("password", "")
    if username == "admin" and password == "admin":
        # FG634: the default account nobody removed.
        session["user"] = "admin"
        session["role"] = "admin"
        return redirect("/account")
    if username == "alice" and password == "wonderland":
        session["user"] = "alice"
        session["email"] = "alice@example.com"  # FG606: PII/role in a client-side cookie
        session["role"] = "user"
        resp = redirect("/account")
        # The API's bearer token, in a cookie too. FG610: signed with a guessable secret.
        token = jwt.encode(
            {"sub": "alice", "role": "user", "exp": int(time.time()) + 3600},
            JWT_SECRET,
            algorithm="HS256",
        )
        resp.set_cookie("access_token", token, httponly=True, samesite="Lax")
        return resp
    # FG635: the answer tells whether the account exists.
    if username not in ("alice", "bob", "carol"):
        return text("no such user", 401)
    return text("wrong password", 401)


@app.route("/api/debug/users")
def debug_users():
    # FG642: a debugging endpoint left in, serving the users' password hashes.
    from werkzeug.security import generate_password_hash

    with DB_LOCK:
        rows = DB.execute("SELECT name, password FROM users").fetchall()
    return jsonify(
        users=[{"name": n, "password_hash": generate_password_hash(p, method="pbkdf2:sha256:1000")} for n, p in rows]
    )


@app.route("/logout")
def logout():
    # FG607: Flask's client-side session is only forgotten by this browser; a copy of the
    # old cookie stays valid until it expires (no server-side invalidation).
    session.clear()
    return redirect("/")


def _bearer():
    auth = request.headers.get("Authorization", "")
    if auth.startswith("Bearer "):
        return auth[7:]
    return request.cookies.get("access_token", "")


@app.route("/api/v2/me")
def api_me():
    # Verifies the token properly (HS256, expiry) — but the key is "secret" (FG610).
    try:
        claims = jwt.decode(_bearer(), JWT_SECRET, algorithms=["HS256"])
    except jwt.PyJWTError:
        return jsonify(error="invalid token"), 401
    return jsonify(sub=claims.get("sub"), role=claims.get("role"))


@app.route("/api/legacy/me")
def api_legacy_me():
    # FG610 + FG611: the signature is never verified, so `alg: none`, forged claims and
    # expired tokens are all accepted.
    try:
        claims = jwt.decode(_bearer(), options={"verify_signature": False})
    except jwt.PyJWTError:
        return jsonify(error="invalid token"), 401
    return jsonify(sub=claims.get("sub"), role=claims.get("role"))


@app.route("/account")
def account():
    if session.get("user"):
        body = (
            f"<h1>Account of {session['user']}</h1><p>Email: {session.get('email')}</p>"
            '<p><a href="/profile">Edit profile</a> '
            '<a href="/account/delete-sessions">Log out other sessions</a></p>'
        )
    else:
        body = '<h1>Account</h1><p>You are browsing as a guest. <a href="/login">Log in</a></p>'
    resp = flask.make_response(body)
    resp.headers["Cache-Control"] = "public, max-age=3600"  # FG637
    # Flask adds "Vary: Cookie" whenever the session was read; reproduce the
    # CVE-2023-30861 class (session-dependent page cached without it).
    session.accessed = False
    return resp


@app.route("/profile")
def profile():
    return (
        f"<h1>Profile</h1><p>Email: {session.get('email', '(not logged in)')}</p>"
        '<form method="post" action="/profile/email"><input name="email">'
        "<button>Change email</button></form>"
    )


@app.route("/profile/email", methods=["POST"])
def change_email():
    if not session.get("user"):
        return text("login required", 401)
    session["email"] = request.form.get("email", "")  # FG628: no CSRF token
    return redirect("/profile", code=303)


@app.route("/account/delete-sessions")
def delete_sessions():
    # FG628: state change on GET (the in-memory database of the app's temp state).
    with DB_LOCK:
        DB.execute("UPDATE sessions SET active = 0 WHERE user = ?", (session.get("user", ""),))
        DB.commit()
    STATE["active_sessions"] = 0
    return "<p>All other sessions have been logged out.</p>"


@app.route("/admin")
def admin():
    if session.get("role") == "admin":
        return "Welcome, admin"
    return text("forbidden", 403)


@app.route("/api/profile", methods=["GET", "OPTIONS"])
def api_profile():
    if request.method == "OPTIONS":
        resp = flask.make_response("", 204)
        resp.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        resp.headers["Access-Control-Allow-Headers"] = request.headers.get(
            "Access-Control-Request-Headers", "Content-Type"
        )
    else:
        resp = jsonify(
            user=session.get("user"), email=session.get("email"), role=session.get("role")
        )
    origin = request.headers.get("Origin")
    if origin:  # FG616: any Origin (including "null") reflected, with credentials
        resp.headers["Access-Control-Allow-Origin"] = origin
        resp.headers["Access-Control-Allow-Credentials"] = "true"
    return resp


@auth.verify_password
def verify_password(username, password):
    # FG612: classic bug -- any non-empty username is accepted.
    if username:
        return username
    return None


@app.route("/api/admin/users")
@auth.login_required
def api_admin_users():
    # FG642: the users' passwords, in clear text (behind the broken Basic auth of FG612).
    with DB_LOCK:
        rows = DB.execute("SELECT name, email, password FROM users").fetchall()
    return jsonify(users=[{"name": n, "email": e, "password": p} for n, e, p in rows])


@app.route("/import/backup", methods=["POST"])
def import_backup():
    # FG643: an uploaded backup file is unpickled (fenced unpickler, see above).
    f = request.files.get("backup")
    if f is None:
        return text("no file", 400)
    try:
        data = _HarmlessUnpickler(f.stream).load()
    except Exception as e:  # noqa: BLE001
        return text(f"bad backup: {type(e).__name__}", 400)
    return text(f"restored: {data!r}")


@app.route("/import/feed", methods=["POST"])
def import_feed():
    # FG626: an uploaded XML feed is parsed with external entities on.
    f = request.files.get("feed")
    if f is None:
        return text("no file", 400)
    parser = etree.XMLParser(resolve_entities=True, no_network=False, load_dtd=True)
    try:
        root = etree.fromstring(f.read(1024 * 1024), parser)
    except etree.XMLSyntaxError as e:
        return text(f"XML error: {e}", 400)
    return text(root.text or "")


@app.route("/api/admin/stats")
@auth.login_required
def admin_stats():
    with DB_LOCK:
        n_users = DB.execute("SELECT COUNT(*) FROM users").fetchone()[0]
    return jsonify(users=n_users, comments=len(COMMENTS), active_sessions=STATE["active_sessions"])


@app.route("/upload", methods=["POST"])
def upload():
    data = request.get_data()  # FG630: unbounded
    return text(f"received {len(data)} bytes")


class _HarmlessUnpickler(pickle.Unpickler):
    """Real unpickling of request data (the bug), fenced for the test-suite: only a few
    harmless callables may be named, so no payload can touch the machine."""

    ALLOWED = {("operator", "mul"), ("operator", "add"), ("builtins", "str"), ("builtins", "int")}

    def find_class(self, module, name):
        if (module, name) in self.ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"global '{module}.{name}' is forbidden")


@app.route("/prefs/import", methods=["POST"])
def prefs_import():
    # FG643: base64 pickle from the form, deserialized and echoed.
    blob = request.form.get("blob", "")
    try:
        prefs = _HarmlessUnpickler(io.BytesIO(base64.b64decode(blob))).load()
    except Exception as e:  # noqa: BLE001
        return text(f"bad prefs: {type(e).__name__}", 400)
    return text(f"imported preferences: {prefs!r}")


@app.route("/avatar", methods=["POST"])
def avatar():
    # FG629: any file name and type is stored and served back inline from /files/.
    f = request.files.get("avatar")
    if f is None or not f.filename:
        return text("no file", 400)
    name = os.path.basename(f.filename)
    f.save(os.path.join(UPLOADS, name))
    return jsonify(url=f"/files/{name}")


@app.route("/files/<name>")
def uploaded(name):
    return flask.send_from_directory(UPLOADS, name)


@app.route("/api/cart", methods=["POST"])
def api_cart():
    # FG630: a JSON API without a body limit: any size, any array length.
    data = request.get_json(silent=True) or {}
    items = data.get("items", [])
    return jsonify(count=len(items) if isinstance(items, list) else 0)


@app.route("/crash")
def crash():
    raise RuntimeError("database connection lost (simulated crash)")  # FG603


# FG601: what a debug=True deployment looks like (PIN-protected console).
wsgi_app = DebuggedApplication(app, evalex=True)


def main():
    serve(wsgi_app)


if __name__ == "__main__":
    main()
