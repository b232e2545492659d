from flask import jsonify, request
from sqlalchemy import select

from .models import Item, db


def register(app):
    @app.route("/items")
    def items():
        stmt = select(Item)
        name = request.args.get("name")
        if name:
            stmt = stmt.where(Item.name == name)
        tags = request.args.getlist("tag")
        if tags:
            stmt = stmt.where(Item.tag.in_(tags))
        rows = db.session.execute(stmt).scalars().all()
        return jsonify([i.as_dict() for i in rows])

    @app.route("/brands/<brand>/items")
    def items_by_brand(brand):
        rows = Item.query.filter_by(brand=brand).order_by(Item.name).all()
        return jsonify([i.as_dict() for i in rows])
