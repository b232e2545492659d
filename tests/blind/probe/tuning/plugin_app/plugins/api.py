"""JSON API under /api, plus the public comment wall."""
import base64
import binascii
import json

from flask import Blueprint, abort, current_app, jsonify, render_template, request
from flask.views import MethodView

from .. import sandbox

api = Blueprint("api", __name__, url_prefix="/api")


class CommentAPI(MethodView):
    """GET lists comments, POST adds one ({"author": ..., "body": ...})."""

    def get(self):
        rows = current_app.db.query("SELECT id, author, body FROM comments ORDER BY id")
        return jsonify([dict(r) for r in rows])

    def post(self):
        data = request.get_json(silent=True) or {}
        author = str(data.get("author", "anonymous"))[:40]
        body = str(data.get("body", ""))[:2000]
        if not body.strip():
            return jsonify(error="body is required"), 400
        new_id = current_app.db.execute(
            "INSERT INTO comments (author, body) VALUES (?, ?)", (author, body)
        )
        return jsonify(id=new_id, wall="/comments"), 201


api.add_url_rule("/comments", view_func=CommentAPI.as_view("comments"))


@api.post("/calc")
def calc():
    """Quote calculator: the front end sends e.g. {"expr": "3 * 19.99 + 4.25"}."""
    data = request.get_json(silent=True) or {}
    expr = str(data.get("expr", ""))
    try:
        tree = sandbox.check_expression(expr)
        result = eval(compile(tree, "<quote>", "eval"), sandbox.restricted_globals())
    except Exception as exc:  # syntax errors, division by zero, ...
        return jsonify(error=str(exc)), 400
    return jsonify(expr=expr, result=result)


@api.post("/link-preview")
def link_preview():
    """Fetch a URL a partner pasted into a message and show what it returns."""
    data = request.get_json(silent=True) or {}
    url = str(data.get("url", ""))
    if not url:
        return jsonify(error="url is required"), 400
    try:
        status, headers, body = sandbox.fetch(url)
    except Exception as exc:
        return jsonify(url=url, error=str(exc)), 502
    return jsonify(
        url=url,
        status=status,
        content_type=headers.get("Content-Type"),
        body=body.decode("utf-8", "replace"),
    )


@api.get("/me")
def me():
    """Who does this API key belong to?"""
    key = request.headers.get("X-Api-Key", "")
    if not key:
        return jsonify(error="missing X-Api-Key"), 401
    row = current_app.db.one(f"SELECT owner, scope FROM api_keys WHERE key = '{key}'")
    if row is None:
        return jsonify(error="unknown key"), 401
    return jsonify(owner=row["owner"], scope=row["scope"])


@api.post("/prefs/import")
def import_prefs():
    """Restore preferences exported from another browser: {"blob": base64(JSON)}."""
    data = request.get_json(silent=True) or {}
    try:
        prefs = json.loads(base64.urlsafe_b64decode(str(data.get("blob", ""))))
    except (ValueError, binascii.Error):
        abort(400, "blob is not valid base64 JSON")
    if not isinstance(prefs, dict):
        abort(400, "blob must hold an object")
    theme = prefs.get("theme") if prefs.get("theme") in {"light", "dark", "contrast"} else "light"
    return jsonify(imported={"theme": theme})


def comment_wall():
    rows = current_app.db.query("SELECT id, author, body FROM comments ORDER BY id DESC")
    return render_template("comments.html", comments=rows)


def register(app):
    app.register_blueprint(api)
    app.add_url_rule("/comments", "comment_wall", comment_wall)
