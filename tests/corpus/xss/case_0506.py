import string

from flask import Flask, request

app = Flask(__name__)


@app.route("/catalog", methods=["POST"])
def apply():
    upload = request.files["document"]
    user_input = upload.filename or ""
    chosen = string.Template("$x").substitute(x=user_input)
    items = "".join(f"<li>{part}</li>" for part in chosen.split(","))
    return "<ul>" + items + "</ul>"
