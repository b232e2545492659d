from flask import request


def _panel(last):
    return (
        "<aside class='recent'>"
        "<h5>Your last search</h5>"
        f"<a href='/catalog'>{last}</a>"
        "</aside>"
    )


def register(app):
    @app.route("/recent")
    def recent():
        last = request.cookies.get("last_search", "nothing yet")
        return app.response_class(_panel(last), mimetype="text/html")
