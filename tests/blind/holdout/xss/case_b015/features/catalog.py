from flask import request


def register(app):
    @app.route("/catalog")
    def catalog():
        q = request.args.get("q", "")
        resp = app.response_class("<p>Catalog is being rebuilt.</p>", mimetype="text/html")
        if q:
            resp.set_cookie("last_search", q, secure=True, httponly=True)
        return resp
