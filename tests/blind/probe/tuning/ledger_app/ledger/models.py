"""ORM models."""
from datetime import datetime, date

from flask_login import UserMixin
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase
from werkzeug.security import check_password_hash, generate_password_hash


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(40), unique=True, nullable=False)
    display_name = db.Column(db.String(80))
    email = db.Column(db.String(120))
    role = db.Column(db.String(20), nullable=False, default="member")
    monthly_limit = db.Column(db.Float, nullable=False, default=1500.0)
    password_hash = db.Column(db.String(256), nullable=False)

    def set_password(self, password):
        self.password_hash = generate_password_hash(password)

    def check_password(self, password):
        return check_password_hash(self.password_hash, password or "")

    @property
    def is_admin(self):
        return self.role == "admin"

    def to_dict(self):
        return {
            "id": self.id,
            "username": self.username,
            "display_name": self.display_name,
            "email": self.email,
            "role": self.role,
            "monthly_limit": self.monthly_limit,
        }


class ApiToken(db.Model):
    __tablename__ = "api_tokens"

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("users.id"), nullable=False)
    token = db.Column(db.String(64), unique=True, nullable=False)
    label = db.Column(db.String(40), default="api")
    created_at = db.Column(db.DateTime, default=datetime.utcnow)


class Expense(db.Model):
    __tablename__ = "expenses"

    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, db.ForeignKey("users.id"), nullable=False)
    vendor = db.Column(db.String(60), nullable=False)
    category = db.Column(db.String(20), nullable=False)
    amount = db.Column(db.Float, nullable=False)
    spent_on = db.Column(db.Date, nullable=False, default=date.today)
    description = db.Column(db.String(300), default="")

    owner = db.relationship("User")

    def to_dict(self):
        return {
            "id": self.id,
            "vendor": self.vendor,
            "category": self.category,
            "amount": self.amount,
            "spent_on": self.spent_on.isoformat(),
            "description": self.description,
        }


class Invoice(db.Model):
    __tablename__ = "invoices"

    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, db.ForeignKey("users.id"), nullable=False)
    number = db.Column(db.String(20), unique=True, nullable=False)
    client = db.Column(db.String(80), nullable=False)
    amount = db.Column(db.Float, nullable=False)
    due_on = db.Column(db.Date, nullable=False)
    status = db.Column(db.String(12), nullable=False, default="open")
    share_id = db.Column(db.String(36), unique=True, nullable=False)
    notes = db.Column(db.String(300), default="")

    def to_dict(self, private=True):
        data = {
            "id": self.id,
            "number": self.number,
            "client": self.client,
            "amount": self.amount,
            "due_on": self.due_on.isoformat(),
            "status": self.status,
        }
        if private:
            data["share_id"] = self.share_id
            data["notes"] = self.notes
        return data


class Vendor(db.Model):
    __tablename__ = "vendors"

    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(60), unique=True, nullable=False)
    website = db.Column(db.String(200))
    category = db.Column(db.String(20))
