from flask import Flask, request, render_template_string

app = Flask(__name__)

HEADER = "<header><h3>%s</h3></header>"
BODY = "<main>{{ content }}</main>"


@app.route("/wiki/<page>")
def wiki(page):
    heading = request.args.get("heading", page.replace("_", " "))
    content = "This page has not been written yet."
    return render_template_string((HEADER % heading) + BODY, content=content)
