def init(app):
    @app.get("/healthz")
    def healthz():
        return "ok"
