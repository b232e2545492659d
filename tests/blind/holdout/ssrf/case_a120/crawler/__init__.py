from functools import partial

from flask import jsonify, request

from .core import CrawlerApp


def create_app():
    app = CrawlerApp(__name__)
    app.config.from_mapping(USER_AGENT="example-crawler/1.0", CRAWL_TIMEOUT=8)
    fetch_page = partial(app.fetch, timeout=app.config["CRAWL_TIMEOUT"])

    @app.post("/crawl")
    def crawl():
        start = request.form["start_url"]
        page = fetch_page(start)
        return jsonify(url=start, status=page.status_code, bytes=len(page.content))

    return app
