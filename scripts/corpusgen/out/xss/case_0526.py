from flask import Flask, render_template_string, request

from corpuslib.registry import formatter_for

app = Flask(__name__)


@app.route("/inbox/media")
def browse():
    tags = request.args.getlist("tag")
    req_value = tags[0] if tags else ""
    entry = formatter_for("label")(req_value).render()
    page = "{% autoescape false %}<p>{{ msg }}</p>{% endautoescape %}"
    return render_template_string(page, msg=entry)
