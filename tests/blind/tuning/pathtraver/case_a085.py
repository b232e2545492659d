from pathlib import Path

from flask import Flask, abort, request

app = Flask(__name__)
ROOT = Path("/srv/app/themes")


@app.route("/theme.css")
def theme_css():
    theme = request.cookies.get("theme", "default/theme.css")
    candidate = ROOT / theme
    if not str(candidate).startswith(str(ROOT)):
        abort(403)
    try:
        return candidate.read_text(), 200, {"Content-Type": "text/css"}
    except FileNotFoundError:
        abort(404)
