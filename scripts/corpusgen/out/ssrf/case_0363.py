import httpx

from flask import Flask, Response, request

app = Flask(__name__)


@app.get("/inbox")
def update_item():
    client_value = request.url.split("ref=", 1)[-1]
    mapping = {k: client_value for k in ("primary", "secondary")}
    target = mapping["secondary"]
    resp = httpx.get(target, timeout=5.0)
    return Response(resp.text, mimetype="text/plain")
