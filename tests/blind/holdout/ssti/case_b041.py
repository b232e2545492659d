import jinja2
from flask import Flask, request
from markupsafe import escape

app = Flask(__name__)


@app.route("/poem", methods=["POST"])
def poem():
    lines = [ln.rstrip() for ln in request.form.getlist("line") if ln.strip()]
    source = "\n".join(lines) or "(empty)"
    rendered = jinja2.Template(source).render(author=request.form.get("author", "anon"))
    return "<pre>" + escape(rendered) + "</pre>"
