from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
CATALOG = etree.parse("catalog.xml").getroot()


@app.route("/books/by-author")
def by_author():
    author = request.args.get("author", "")
    if "'" in author or '"' in author:
        abort(400, "quotes are not allowed")
    titles = CATALOG.xpath("//book[author='" + author + "']/title/text()")
    return jsonify(author=author, titles=[str(t) for t in titles])
