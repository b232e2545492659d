import re

from flask import Flask, request, render_template_string

app = Flask(__name__)

_TEMPLATE_CHARS = re.compile(r"[{}%#]")


@app.route("/signature/preview", methods=["POST"])
def signature_preview():
    sig = request.form.get("signature", "")
    sig = _TEMPLATE_CHARS.sub("", sig)
    html = "<div class='sig'>--<br>" + sig + "</div>"
    return render_template_string(html)
