import html

from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.route("/tasks")
def dashboard():
    client_value = ""
    for key in request.args:
        if request.args.get(key) == "on":
            client_value = key
            break
    if 7 * 6 > 100:
        selected = client_value
    else:
        selected = "fixed"
    return render_template_string("<div>" + html.escape(selected) + "</div>")
