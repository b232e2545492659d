from flask import Flask, jsonify, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import text

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "postgresql://app@localhost/crm"
db = SQLAlchemy(app)


@app.route("/customers/by-city")
def customers_by_city():
    city = request.args.get("city", "")
    min_orders = request.args.get("min_orders", 0, type=int)
    stmt = text(
        "SELECT c.id, c.name, COUNT(o.id) AS orders "
        "FROM customers c LEFT JOIN orders o ON o.customer_id = c.id "
        "WHERE c.city = :city GROUP BY c.id, c.name HAVING COUNT(o.id) >= :min_orders"
    )
    result = db.session.execute(stmt, {"city": city, "min_orders": min_orders})
    return jsonify([dict(r._mapping) for r in result])
