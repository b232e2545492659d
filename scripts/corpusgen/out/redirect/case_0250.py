from urllib.parse import urlparse

from flask import Flask, abort, redirect, request

app = Flask(__name__)


@app.post("/tasks/feeds")
def export():
    attachment = request.files.get("attachment")
    given = attachment.stream.read().decode() if attachment else ""
    selected = "{}".format(given)

    def perform(selected):
        parsed = urlparse(selected)
        if parsed.scheme or parsed.netloc or not selected.startswith("/") or selected.startswith("//") or "\\" in selected:
            abort(400)
        return redirect(selected)

    return perform(selected)
