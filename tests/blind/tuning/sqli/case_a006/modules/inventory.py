from flask import jsonify, request

from .db import query


def init(app):
    @app.route("/inventory")
    def inventory():
        sku = request.args.get("sku", "")
        warehouse = request.args.get("warehouse", "main")
        rows = query(
            "SELECT sku, qty, bin FROM stock WHERE sku LIKE %s AND warehouse = %s",
            (sku + "%", warehouse),
        )
        return jsonify([{"sku": s, "qty": q, "bin": b} for s, q, b in rows])
