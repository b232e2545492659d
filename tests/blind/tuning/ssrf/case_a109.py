import httpx
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/cluster/health")
def cluster_health():
    node = request.headers.get("X-Node-Host", "localhost")
    with httpx.Client(timeout=2.0) as client:
        r = client.get(f"http://{node}:8080/health")
    return jsonify(node=node, status=r.status_code, body=r.text[:200])
