from flask import current_app, jsonify, request

SAMPLE_CONTEXT = {"first_name": "Ada", "plan": "Pro"}


def list_snippets():
    return jsonify(["welcome", "renewal"])


def upload_snippet():
    f = request.files.get("snippet")
    if f is None or not f.filename.endswith(".j2"):
        return jsonify(error="expected a .j2 file"), 400
    source = f.read().decode("utf-8", errors="replace")
    preview = current_app.render_snippet(source, **SAMPLE_CONTEXT)
    return jsonify(name=f.filename, preview=preview)
