from flask import Flask, jsonify, request
from flask.views import MethodView
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import text

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "postgresql://app@localhost/crm"
db = SQLAlchemy(app)


class CustomerAPI(MethodView):
    def get(self):
        city = request.args.get("city", "")
        stmt = text(f"SELECT id, name, city FROM customers WHERE city = '{city}'")
        result = db.session.execute(stmt)
        return jsonify([dict(r._mapping) for r in result])

    def post(self):
        payload = request.get_json(force=True)
        db.session.execute(
            text("INSERT INTO customers (name, city) VALUES (:n, :c)"),
            {"n": payload["name"], "c": payload["city"]},
        )
        db.session.commit()
        return jsonify(ok=True), 201


app.add_url_rule("/customers", view_func=CustomerAPI.as_view("customers"))
