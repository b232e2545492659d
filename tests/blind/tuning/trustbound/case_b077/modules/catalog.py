def init(app):
    @app.route("/products")
    def products():
        return {"products": ["tea", "coffee", "cocoa"]}
