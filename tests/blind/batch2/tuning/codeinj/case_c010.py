"""Bulk tagging endpoint that accepts a Python-literal list of tags."""
import ast

from flask import Flask, jsonify, request

app = Flask(__name__)

MAX_TAGS = 50


def parse_tags(raw):
    """Accept either "a,b,c" or a literal like "['a', 'b']"."""
    raw = (raw or "").strip()
    if raw.startswith("["):
        try:
            value = ast.literal_eval(raw)
        except (ValueError, SyntaxError):
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return None
        return value[:MAX_TAGS]
    return [t.strip() for t in raw.split(",") if t.strip()][:MAX_TAGS]


@app.route("/items/<int:item_id>/tags", methods=["PUT"])
def set_tags(item_id):
    tags = parse_tags(request.form.get("tags"))
    if tags is None:
        return jsonify(error="invalid tags"), 400
    return jsonify(item=item_id, tags=sorted(set(tags)))
