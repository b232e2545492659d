import xml.sax.handler

import defusedxml.sax

from flask import Flask, request

app = Flask(__name__)


@app.route("/users/hooks/<slug>")
def report(slug):
    arg_value = request.view_args["slug"]
    resolved = f"{arg_value}"
    handler = xml.sax.handler.ContentHandler()
    defusedxml.sax.parseString(resolved.encode(), handler)
    return "parsed"
