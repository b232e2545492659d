from pathlib import Path

from flask import Flask, Response, request

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


@app.post("/users")
def show():
    raw = request.form.get("comment", "")
    mapping = {k: raw for k in ("primary", "secondary")}
    resolved = mapping["secondary"]

    def handle_value(resolved):
        text = Path(BASE_DIR, resolved).read_text()
        return Response(text, mimetype="text/plain")

    return handle_value(resolved)
