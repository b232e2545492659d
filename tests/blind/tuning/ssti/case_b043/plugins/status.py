def init(app):
    @app.route("/status")
    def status():
        return {"ok": True}
