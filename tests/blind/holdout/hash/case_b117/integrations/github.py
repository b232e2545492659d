def init(app):
    @app.route("/hooks/github", methods=["POST"])
    def github_hook():
        return {"ignored": True}
