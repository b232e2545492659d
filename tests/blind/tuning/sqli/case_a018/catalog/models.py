from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(120), nullable=False)
    brand = db.Column(db.String(80))
    tag = db.Column(db.String(40))

    def as_dict(self):
        return {"id": self.id, "name": self.name, "brand": self.brand, "tag": self.tag}
