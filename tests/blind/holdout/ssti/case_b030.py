from flask import Flask, jsonify, request
from jinja2 import Template

app = Flask(__name__)

TEMPLATES = {
    "plain": "Hi {{ user }}, you have {{ count }} new messages.",
    "short": "{{ count }} new",
    "formal": "Dear {{ user }}, {{ count }} messages await your attention.",
}


@app.post("/api/notifications/render")
def render_notification():
    payload = request.get_json(force=True)
    kind = payload.get("kind", "plain")
    source = TEMPLATES.get(kind, TEMPLATES["plain"])
    text = Template(source).render(**payload.get("data", {}))
    return jsonify(rendered=text)
