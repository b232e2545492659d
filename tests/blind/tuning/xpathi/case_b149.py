from flask import Flask, jsonify
from lxml import etree

app = Flask(__name__)
SITEMAP = etree.parse("sitemap.xml")


@app.route("/nav/<path:section>")
def nav(section):
    parts = [p for p in section.split("/") if p]
    last = parts[-1] if parts else "home"
    links = SITEMAP.xpath("//section[@slug='" + last + "']/link/@href")
    return jsonify(section=section, links=[str(h) for h in links])
