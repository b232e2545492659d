import json

from flask import Flask, request

app = Flask(__name__)


@app.get("/widget")
def widget():
    cfg = {
        "color": request.args.get("color", "blue"),
        "size": 3,
        "rounded": True,
    }
    return (
        "<div id='w'></div>"
        "<script>window.WIDGET_CONFIG = " + json.dumps(cfg) + ";</script>"
        "<script src='/static/widget.js'></script>"
    )
