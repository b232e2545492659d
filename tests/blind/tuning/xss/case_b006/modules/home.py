def init(app):
    @app.route("/")
    def home():
        return "<a href='/comments/preview'>comments</a>"
