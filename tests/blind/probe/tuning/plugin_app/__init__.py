"""Partner portal: a small Flask app assembled from plugins.

`create_app()` builds a PortalApp, seeds its in-memory database and loads every
plugin listed in `plugins.ENABLED`; each plugin module exposes `register(app)`
(older ones still call it `init_app`).
"""
import atexit
import base64
import importlib
import os
import pickle
import shutil
import tempfile

from flask import Flask, g, make_response, redirect, render_template, request, url_for

from _common import SandboxedFlaskEnv

from .db import Database
from .plugins import ENABLED

TENANTS = {"public", "acme", "globex", "initech"}
THEMES = {"light", "dark", "contrast"}


class PortalApp(Flask):
    """Flask with a scratch folder, a database handle and a sandboxed Jinja."""

    jinja_environment = SandboxedFlaskEnv

    def __init__(self, import_name, workdir, **kwargs):
        super().__init__(import_name, **kwargs)
        self.workdir = workdir
        self.db = Database()
        self.loaded_plugins = []

    def data_path(self, *parts):
        return os.path.join(self.workdir, *parts)

    def load_plugin(self, name):
        module = importlib.import_module(f"plugin_app.plugins.{name}")
        setup = getattr(module, "register", None) or getattr(module, "init_app")
        setup(self)
        self.loaded_plugins.append(name)


def _seed(db):
    db.execute("CREATE TABLE products (id INTEGER PRIMARY KEY, sku TEXT, name TEXT, price REAL, description TEXT)")
    for row in [
        ("AC-100", "Anvil, classic", 49.0, "Drop-forged, 50 kg"),
        ("AC-200", "Rocket skates", 129.5, "Limited warranty"),
        ("AC-300", "Giant magnet", 75.0, "Attracts most metals"),
        ("AC-400", "Portable hole", 19.99, "Fold-away"),
        ("AC-500", "Bird seed, premium", 4.25, "1 kg bag"),
        ("AC-600", "Spring-loaded boxing glove", 33.0, "Wall mount"),
        ("AC-700", "Tornado seeds", 12.0, "Handle with care"),
    ]:
        db.execute("INSERT INTO products (sku, name, price, description) VALUES (?, ?, ?, ?)", row)

    db.execute("CREATE TABLE members (id INTEGER PRIMARY KEY, username TEXT UNIQUE, email TEXT, role TEXT)")
    for row in [("alice", "alice@acme.test", "buyer"), ("bob", "bob@globex.test", "buyer"),
                ("carol", "carol@initech.test", "manager")]:
        db.execute("INSERT INTO members (username, email, role) VALUES (?, ?, ?)", row)

    db.execute("CREATE TABLE api_keys (key TEXT PRIMARY KEY, owner TEXT, scope TEXT)")
    db.execute("INSERT INTO api_keys VALUES (?, ?, ?)", ("k-7f3a9c21e4b84d", "carol", "read"))
    db.execute("INSERT INTO api_keys VALUES (?, ?, ?)", ("k-0b5d2e8f71c94a", "ops-bot", "admin"))

    db.execute("CREATE TABLE comments (id INTEGER PRIMARY KEY, author TEXT, body TEXT)")
    db.execute("INSERT INTO comments (author, body) VALUES (?, ?)", ("carol", "Welcome to the partner portal!"))
    db.execute("INSERT INTO comments (author, body) VALUES (?, ?)",
               ("alice", "The <b>rocket skates</b> are back in stock."))


def _install_core(app):
    @app.before_request
    def load_visitor_context():
        # which partner tenant the request is for (set by the partner's proxy)
        tenant = request.headers.get("X-Tenant", "public").strip().lower()
        g.tenant = tenant if tenant in TENANTS else "public"

        # display preferences travel in a cookie so we need no server-side session
        g.prefs = {"theme": "light", "page_size": 10}
        raw = request.cookies.get("portal_prefs")
        if raw:
            try:
                saved = pickle.loads(base64.urlsafe_b64decode(raw))
            except Exception:
                saved = None
            if isinstance(saved, dict):
                g.prefs.update(saved)

    @app.route("/")
    def index():
        return render_template("index.html", plugins=app.loaded_plugins)

    @app.route("/prefs")
    def save_prefs():
        theme = request.args.get("theme", "light")
        if theme not in THEMES:
            theme = "light"
        resp = make_response(redirect(url_for("index")))
        blob = base64.urlsafe_b64encode(pickle.dumps({"theme": theme, "page_size": 10})).decode()
        resp.set_cookie("portal_prefs", blob, httponly=True, samesite="Lax")
        return resp


def create_app():
    workdir = tempfile.mkdtemp(prefix="partner-portal-")
    atexit.register(shutil.rmtree, workdir, ignore_errors=True)

    app = PortalApp(__name__, workdir)
    app.config["SECRET_KEY"] = os.urandom(24).hex()
    app.config["MAX_CONTENT_LENGTH"] = 256 * 1024

    _seed(app.db)
    _install_core(app)
    for name in ENABLED:
        app.load_plugin(name)
    return app
