from flask import jsonify, request
from lxml import etree


def _predicates(words):
    for w in words:
        yield f"contains(ingredients, '{w.lower()}')"


def init(app):
    doc = etree.parse(app.config["RECIPES"])

    @app.post("/recipes/search")
    def search():
        words = (request.get_json(silent=True) or {}).get("ingredients", [])[:5]
        if not words:
            return jsonify(results=[])
        cond = " and ".join(_predicates(words))
        titles = doc.xpath(f"//recipe[{cond}]/title/text()")
        return jsonify(results=[str(t) for t in titles])
