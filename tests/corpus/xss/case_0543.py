from markupsafe import Markup

from flask import Flask, request

app = Flask(__name__)


class Controller:
    def dispatch(self, bar):
        return Markup("<b>%s</b>") % bar


@app.get("/files")
def render_page():
    requested = request.environ.get("HTTP_X_TENANT", "default")
    options = {}
    options["current"] = requested
    bar = options.get("current", "")
    return Controller().dispatch(bar)
