from flask import request, session


def _migrate_legacy_cart():
    legacy = request.cookies.get("cart_v1")
    if legacy and "cart" not in session:
        session["cart"] = legacy.split(",")


def init(app):
    app.before_request(_migrate_legacy_cart)

    @app.route("/cart")
    def cart():
        return {"items": session.get("cart", [])}
