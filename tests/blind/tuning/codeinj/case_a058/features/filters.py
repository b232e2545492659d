from flask import current_app, jsonify, request


def _matches(code, product):
    return bool(eval(code, {"__builtins__": {}}, dict(product)))


def init(app):
    @app.route("/products/filter", methods=["POST"])
    def filter_products():
        rule = (request.get_json(silent=True) or {}).get("rule", "True")
        code = compile(rule, "<rule>", "eval")
        products = current_app.extensions["products"]
        return jsonify([p for p in products if _matches(code, p)])
