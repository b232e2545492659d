from flask import Flask, request, render_template_string

app = Flask(__name__)

WIDGET = """
<div id="w"></div>
<script>window.WIDGET_CONFIG = {{ cfg|tojson }};</script>
<script src="/static/widget.js"></script>
"""


@app.get("/widget")
def widget():
    cfg = {
        "color": request.args.get("color", "blue"),
        "size": 3,
        "rounded": True,
    }
    return render_template_string(WIDGET, cfg=cfg)
