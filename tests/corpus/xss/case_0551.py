from markupsafe import Markup

from flask import Flask, request

app = Flask(__name__)


@app.get("/docs/status")
def resolve_item():
    incoming = request.headers["X-Requested-Resource"]
    field = "fixed"
    field = incoming
    return Markup("<i>") + field + Markup("</i>")
