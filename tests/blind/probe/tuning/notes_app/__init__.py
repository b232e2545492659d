"""Jotter: personal notes plus a tiny stationery shop.

Users sign in with a form (Flask session); every POST form is a Flask-WTF form,
so requests carry a CSRF token and have to pass the field validators.
"""
import atexit
import base64
import os
import pickle
import shutil
import tempfile

from flask import Flask, g, redirect, request, session, url_for
from flask_wtf.csrf import CSRFProtect
from werkzeug.security import generate_password_hash

from _common import SandboxedFlaskEnv

from .db import Database
from .models import User

csrf = CSRFProtect()

SEED_USERS = [
    # username, password, e-mail, display name, is_admin
    ("alice", "Wonderland!42", "alice@jotter.test", "Alice L.", 0),
    ("bob", "Builder#2024", "bob@jotter.test", "Bob B.", 0),
    # created by the installer; the README tells operators to change it
    ("admin", "admin", "root@jotter.test", "Administrator", 1),
]

SEED_NOTES = [
    (1, "Groceries", "Milk, eggs, <em>good</em> coffee", "personal"),
    (1, "Book ideas", "A detective who is a cat.", "ideas"),
    (2, "Server password", "staging root password: hunter2", "work"),
    (2, "Meeting notes", "Q3 planning: ship the shop.", "work"),
    (3, "Admin to-do", "Rotate the admin password.", "work"),
]


def _seed(app):
    db = app.db
    db.run("CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT UNIQUE NOT NULL, "
           "password_hash TEXT NOT NULL, email TEXT, display_name TEXT, notify INTEGER DEFAULT 0, "
           "is_admin INTEGER DEFAULT 0)")
    for username, password, email, display, admin in SEED_USERS:
        db.run("INSERT INTO users (username, password_hash, email, display_name, is_admin) "
               "VALUES (?, ?, ?, ?, ?)",
               (username, generate_password_hash(password, method="pbkdf2:sha256:60000"),
                email, display, admin))

    db.run("CREATE TABLE notes (id INTEGER PRIMARY KEY, owner_id INTEGER NOT NULL, title TEXT, "
           "body TEXT, category TEXT, attachment TEXT)")
    for owner, title, body, category in SEED_NOTES:
        db.run("INSERT INTO notes (owner_id, title, body, category) VALUES (?, ?, ?, ?)",
               (owner, title, body, category))
    db.run("UPDATE notes SET attachment = 'meeting-template.txt' WHERE id = 4")
    db.run("UPDATE notes SET attachment = 'shopping-list-template.txt' WHERE id = 1")

    db.run("CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT, price REAL)")
    for pid, name, price in [(1, "Dotted notebook", 12.5), (2, "Fountain pen", 34.0), (3, "Sticker pack", 4.0)]:
        db.run("INSERT INTO products VALUES (?, ?, ?)", (pid, name, price))
    db.run("CREATE TABLE coupons (code TEXT PRIMARY KEY, percent INTEGER, active INTEGER)")
    db.run("INSERT INTO coupons VALUES ('WELCOME10', 10, 1)")
    db.run("INSERT INTO coupons VALUES ('STAFF50', 50, 0)")
    db.run("CREATE TABLE orders (id INTEGER PRIMARY KEY, ref TEXT UNIQUE, user_id INTEGER, "
           "product_id INTEGER, quantity INTEGER, total REAL)")
    db.run("INSERT INTO orders (ref, user_id, product_id, quantity, total) VALUES "
           "('JOT-1001', 1, 1, 2, 25.0)")
    db.run("INSERT INTO orders (ref, user_id, product_id, quantity, total) VALUES "
           "('JOT-1002', 2, 2, 1, 34.0)")

    for folder, files in {
        # shared templates anyone signed in may attach to a note
        "attachments": {"meeting-template.txt": "Date:\nAttendees:\nDecisions:\nActions:\n",
                        "shopping-list-template.txt": "[ ] milk\n[ ] bread\n[ ] coffee\n"},
        "exports": {"alice-notes.txt": "Groceries\nBook ideas\n",
                    "bob-notes.txt": "Server password\nMeeting notes\n"},
    }.items():
        os.makedirs(os.path.join(app.workdir, folder), exist_ok=True)
        for name, text in files.items():
            with open(os.path.join(app.workdir, folder, name), "w") as fh:
                fh.write(text)


def _install_hooks(app):
    @app.before_request
    def load_user():
        g.user = None
        uid = session.get("uid")
        if uid is None:
            token = request.cookies.get("remember")
            uid = app.remember_tokens.get(token) if token else None
            if uid is not None:
                session["uid"] = uid
        if uid is not None:
            g.user = User.get(uid)

        # sidebar state etc., saved by the notes list page
        g.ui = {"sidebar": "open", "last_note": None}
        raw = request.cookies.get("ui_state")
        if raw:
            try:
                state = pickle.loads(base64.urlsafe_b64decode(raw))
            except Exception:
                state = None
            if isinstance(state, dict):
                g.ui.update(state)

    @app.route("/")
    def home():
        return redirect(url_for("notes.list_notes") if g.user else url_for("auth.login"))


def create_app():
    app = Flask(__name__)
    app.jinja_environment = SandboxedFlaskEnv
    app.workdir = tempfile.mkdtemp(prefix="jotter-")
    atexit.register(shutil.rmtree, app.workdir, ignore_errors=True)
    app.config.update(
        SECRET_KEY=os.urandom(24).hex(),
        SESSION_COOKIE_SAMESITE="Lax",
        MAX_CONTENT_LENGTH=256 * 1024,
    )
    app.db = Database()
    app.remember_tokens = {}
    csrf.init_app(app)

    _seed(app)
    _install_hooks(app)

    from .views import account, auth, files, notes, shop

    for module in (auth, notes, shop, account, files):
        app.register_blueprint(module.bp)
    return app
