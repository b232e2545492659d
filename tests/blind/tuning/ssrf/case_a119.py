import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)


@app.route("/geo")
def geocode():
    provider = request.args.get("provider", "osm")
    query = request.args.get("q", "")
    match provider:
        case "osm":
            endpoint = "https://nominatim.openstreetmap.org/search"
        case "mapbox":
            endpoint = "https://api.mapbox.com/geocoding/v5/mapbox.places/search.json"
        case _:
            abort(400)
    r = requests.get(endpoint, params={"q": query, "format": "json"}, timeout=5)
    return jsonify(provider=provider, results=r.json())
