import bleach
from flask import Flask, request, make_response

app = Flask(__name__)

ALLOWED_TAGS = ["b", "i", "em", "strong", "a", "p", "ul", "li", "code"]
ALLOWED_ATTRS = {"a": ["href", "title"]}


@app.route("/bio/preview", methods=["POST"])
def bio_preview():
    raw = request.form.get("bio", "")
    cleaned = bleach.clean(raw, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRS, strip=True)
    resp = make_response("<section class='bio'>" + cleaned + "</section>")
    resp.mimetype = "text/html"
    return resp
