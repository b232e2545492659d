import base64

from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.route("/search", methods=["GET", "POST"])
def check():
    incoming = request.values.get("item", "")
    encoded = base64.b64encode(incoming.encode("utf-8"))
    bar = base64.b64decode(encoded).decode("utf-8")

    def finish(bar):
        page = "{% autoescape false %}<p>{{ msg }}</p>{% endautoescape %}"
        return render_template_string(page, msg=bar)

    return finish(bar)
