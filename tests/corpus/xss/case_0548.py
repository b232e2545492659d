import base64

from flask import Flask, render_template, request

app = Flask(__name__, template_folder="../templates")


@app.route("/pages", methods=["GET", "POST"])
def open_item():
    arg_value = request.values.get("item", "")
    encoded = base64.b64encode(arg_value.encode("utf-8"))
    resolved = base64.b64decode(encoded).decode("utf-8")
    return render_template("greeting.html", name=resolved)
