import requests
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/link-preview")
def link_preview():
    url = request.args.get("url", "")
    resp = requests.get(url, timeout=5)
    title = ""
    if "<title>" in resp.text:
        title = resp.text.split("<title>", 1)[1].split("</title>", 1)[0]
    return jsonify(url=url, status=resp.status_code, title=title.strip())
