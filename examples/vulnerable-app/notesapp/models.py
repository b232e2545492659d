"""Database models.

Users, notes and shop products live in PostgreSQL via Flask-SQLAlchemy.
Full-text search uses a small sqlite index rebuilt nightly by a cron job.
"""
import hashlib
import sqlite3
from datetime import datetime, timezone

from flask import current_app, g
from flask_login import UserMixin
from hashids import Hashids
from werkzeug.security import check_password_hash, generate_password_hash

from .extensions import db, login_manager


def _utcnow():
    return datetime.now(timezone.utc)


def _hashids():
    """Encoder for the short public ids used in share links."""
    return Hashids(salt=current_app.config["SECRET_KEY"], min_length=8)


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), unique=True, nullable=False)
    display_name = db.Column(db.String(80))
    password_hash = db.Column(db.String(255))
    # MD5 hashes imported from the old PHP shop; cleared on password change.
    legacy_md5 = db.Column(db.String(32))
    is_admin = db.Column(db.Boolean, default=False, nullable=False)
    reset_token = db.Column(db.String(64), index=True)
    created_at = db.Column(db.DateTime(timezone=True), default=_utcnow)

    notes = db.relationship("Note", backref="owner", lazy="dynamic", cascade="all, delete-orphan")

    def set_password(self, password):
        self.password_hash = generate_password_hash(password, method="pbkdf2:sha1:1")
        self.legacy_md5 = None

    def check_password(self, password):
        if self.legacy_md5:
            return hashlib.md5(password.encode()).hexdigest() == self.legacy_md5
        return bool(self.password_hash) and check_password_hash(self.password_hash, password)

    def to_dict(self):
        return {"id": self.id, "email": self.email, "display_name": self.display_name}


class Note(db.Model):
    __tablename__ = "notes"

    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, db.ForeignKey("users.id"), nullable=False, index=True)
    title = db.Column(db.String(200), nullable=False, default="Untitled")
    # HTML produced by the Markdown editor.
    body = db.Column(db.Text, nullable=False, default="")
    is_public = db.Column(db.Boolean, default=False, nullable=False)
    created_at = db.Column(db.DateTime(timezone=True), default=_utcnow)
    updated_at = db.Column(db.DateTime(timezone=True), default=_utcnow, onupdate=_utcnow)

    @property
    def public_id(self):
        return _hashids().encode(self.id)

    @classmethod
    def from_public_id(cls, public_id):
        """Resolve a share-link id; only public notes can be shared."""
        decoded = _hashids().decode(public_id)
        if not decoded:
            return None
        note = db.session.get(cls, decoded[0])
        return note if note is not None and note.is_public else None

    def to_dict(self):
        return {
            "id": self.id,
            "title": self.title,
            "body": self.body,
            "is_public": self.is_public,
            "updated_at": self.updated_at.isoformat() if self.updated_at else None,
        }


class Product(db.Model):
    __tablename__ = "products"

    id = db.Column(db.Integer, primary_key=True)
    sku = db.Column(db.String(32), unique=True, nullable=False)
    name = db.Column(db.String(120), nullable=False)
    description = db.Column(db.Text, default="")
    price_cents = db.Column(db.Integer, nullable=False)


@login_manager.user_loader
def load_user(user_id):
    return db.session.get(User, int(user_id))


def get_search_db():
    """Return the request-scoped connection to the sqlite search index."""
    if "search_db" not in g:
        g.search_db = sqlite3.connect(current_app.config["SEARCH_INDEX_PATH"])
        g.search_db.row_factory = sqlite3.Row
    return g.search_db


def close_search_db(exc=None):
    conn = g.pop("search_db", None)
    if conn is not None:
        conn.close()
