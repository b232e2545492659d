from flask import Flask, jsonify, request
from jinja2 import Template

app = Flask(__name__)


@app.post("/api/notifications/render")
def render_notification():
    payload = request.get_json(force=True)
    tpl = Template(payload["template"])
    text = tpl.render(**payload.get("data", {}))
    return jsonify(rendered=text)
