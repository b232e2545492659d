from flask import jsonify

PRODUCTS = [
    {"sku": "A1", "price": 10, "stock": 4},
    {"sku": "B2", "price": 25, "stock": 0},
    {"sku": "C3", "price": 7, "stock": 12},
]


def init(app):
    app.extensions["products"] = PRODUCTS

    @app.route("/products")
    def products():
        return jsonify(PRODUCTS)
