from flask import Flask

from . import pages


class ShopApp(Flask):
    def page(self, rule, endpoint, func, **options):
        self.add_url_rule(rule, endpoint, func, **options)


def create_app():
    app = ShopApp(__name__)
    app.config["SHOP_NAME"] = "Corner Store"
    app.page("/", "home", pages.home)
    app.page("/review/preview", "review_preview", pages.review_preview, methods=["POST"])
    return app
