from defusedxml import ElementTree as DefusedET
from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)

USE_LXML = False


def parse(raw):
    if USE_LXML:
        return etree.fromstring(raw)
    return DefusedET.fromstring(raw)


@app.route("/gpx/summary", methods=["POST"])
def gpx_summary():
    root = parse(request.get_data())
    points = [el for el in root.iter() if el.tag.endswith("trkpt")]
    return jsonify(points=len(points))
