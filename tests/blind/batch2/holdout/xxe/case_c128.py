"""Sitemap validator using the standard-library ElementTree (expat)."""
import xml.etree.ElementTree as ET

from flask import Flask, abort, jsonify, request

SM_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 5 * 1024 * 1024


@app.route("/tools/sitemap/validate", methods=["POST"])
def validate_sitemap():
    try:
        root = ET.fromstring(request.get_data())
    except ET.ParseError as exc:
        return jsonify(valid=False, error=str(exc)), 400
    if root.tag != f"{SM_NS}urlset":
        abort(422)
    urls = [loc.text for loc in root.iter(f"{SM_NS}loc")]
    return jsonify(valid=True, count=len(urls), first=urls[:3])
