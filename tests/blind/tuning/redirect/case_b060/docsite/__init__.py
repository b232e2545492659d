from flask import Flask, redirect, request


class DocsApp(Flask):
    docs_prefix = "/docs/v2/"

    def moved(self, slug):
        return redirect(self.docs_prefix + slug, code=301)


def create_app():
    app = DocsApp(__name__)

    @app.route("/manual")
    def old_manual():
        slug = request.args.get("page", "index")
        return app.moved(slug)

    @app.route("/docs/v2/<path:slug>")
    def docs(slug):
        return f"docs page {len(slug)}"

    return app
