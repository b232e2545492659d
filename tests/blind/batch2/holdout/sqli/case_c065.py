"""Order lookup for the support desk (sqlite backend)."""
import os
import sqlite3

from flask import Flask, current_app, g, jsonify, request


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(current_app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


class OrderRepository:
    def __init__(self, conn):
        self.conn = conn

    def by_customer_email(self, email, status=None):
        sql = f"SELECT id, total, status FROM orders WHERE customer_email = '{email}'"
        if status:
            sql += " AND status = ?"
            return self.conn.execute(sql, (status,)).fetchall()
        return self.conn.execute(sql).fetchall()


def create_app():
    app = Flask(__name__)
    app.config["DATABASE"] = os.environ.get("DATABASE", "orders.db")

    @app.teardown_appcontext
    def close_db(_exc):
        db = g.pop("db", None)
        if db is not None:
            db.close()

    @app.route("/support/orders")
    def orders():
        repo = OrderRepository(get_db())
        rows = repo.by_customer_email(request.args.get("email", ""), request.args.get("status"))
        return jsonify([dict(r) for r in rows])

    return app


app = create_app()
