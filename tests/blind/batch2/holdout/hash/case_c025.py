"""Account registration for the community forum."""
import hashlib
import os

from flask import Flask, abort, jsonify, request
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(64), unique=True, nullable=False)
    password_hash = db.Column(db.String(64), nullable=False)

    def set_password(self, password: str) -> None:
        self.password_hash = hashlib.md5(password.encode("utf-8")).hexdigest()

    def check_password(self, password: str) -> bool:
        return self.password_hash == hashlib.md5(password.encode("utf-8")).hexdigest()


def create_app():
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite:///forum.db")
    db.init_app(app)

    @app.route("/register", methods=["POST"])
    def register():
        username = request.form.get("username", "").strip()
        password = request.form.get("password", "")
        if len(username) < 3 or len(password) < 8:
            abort(400)
        if User.query.filter_by(username=username).first():
            return jsonify(error="taken"), 409
        user = User(username=username)
        user.set_password(password)
        db.session.add(user)
        db.session.commit()
        return jsonify(id=user.id), 201

    return app


app = create_app()
