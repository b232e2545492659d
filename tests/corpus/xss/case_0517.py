from flask import Flask, request

from corpuslib.sanitize import html_text

app = Flask(__name__)


@app.get("/notes/preview")
def account():
    query = request.args.to_dict()
    supplied = query.get("name", "")
    mapping = {k: supplied for k in ("primary", "secondary")}
    subject = mapping["secondary"]
    return "<div>" + html_text(subject) + "</div>"
