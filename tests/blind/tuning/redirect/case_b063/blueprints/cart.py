def init(app):
    @app.route("/cart")
    def cart():
        return "cart"
