import xml.sax

from flask import jsonify, request

from catalog.handlers import TitleCollector


def init(app):
    @app.route("/catalog/titles", methods=["POST"])
    def titles():
        handler = TitleCollector()
        xml.sax.parseString(request.get_data(), handler)
        return jsonify(titles=handler.titles)
