from flask import Flask, render_template_string, request

app = Flask(__name__)

TEMPLATES = {"short": "Hi {{ name }}", "long": "Hello and welcome, {{ name }}"}


def handle():
    upload = request.files["document"]
    client_value = upload.filename or ""
    prepared = "".join([ch for ch in client_value])
    source = TEMPLATES.get(prepared, TEMPLATES["short"])
    return render_template_string(source, name="guest")


app.add_url_rule("/pages/profile", view_func=handle, methods=["POST"])
