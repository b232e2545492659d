import httpx

from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/tools/orders")
def lookup():
    requested = request.environ.get("HTTP_X_TENANT", "default")
    selected = "yes" if requested else "no"
    resp = httpx.get(selected, timeout=5.0)
    return Response(resp.text, mimetype="text/plain")
