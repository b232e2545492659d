import os

from flask import Flask, request

app = Flask(__name__)


class TextOps:
    def keep(self, text):
        return text

    def blank(self, text):
        return "placeholder"


@app.route("/docs", methods=["POST"])
def lookup():
    attachment = request.files.get("attachment")
    requested = attachment.stream.read().decode() if attachment else ""
    selected = getattr(TextOps(), "keep")(requested)
    os.system(f"convert /srv/img/in.png -resize {selected} /tmp/out.png")
    return "resized"
