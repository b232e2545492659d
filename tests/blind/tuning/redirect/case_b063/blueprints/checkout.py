from flask import redirect, request


def init(app):
    site = app.config["SITE_URL"]

    @app.route("/checkout/done")
    def checkout_done():
        dest = request.args.get("dest", site + "/cart")
        if not dest.startswith(site):
            dest = site + "/cart"
        return redirect(dest)
