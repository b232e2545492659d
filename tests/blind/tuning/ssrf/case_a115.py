import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
RENDER_SERVICE = "http://renderer.internal:9000/render"


@app.route("/screenshot")
def screenshot():
    target = request.args.get("url", "")
    job = {"requested": target, "service": RENDER_SERVICE}
    r = requests.get(job["service"], params={"url": job["requested"], "w": 1280}, timeout=30)
    return jsonify(job_id=r.json().get("id"), queued_for=target)
