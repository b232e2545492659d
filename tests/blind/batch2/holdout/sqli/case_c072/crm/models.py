from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Contact(db.Model):
    __tablename__ = "contacts"
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(120), index=True)
    company = db.Column(db.String(120))
    owner_id = db.Column(db.Integer, index=True)
