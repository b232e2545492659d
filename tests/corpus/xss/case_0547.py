from urllib.parse import quote

from flask import Flask, request

app = Flask(__name__)


@app.route("/status", methods=["POST"])
def status():
    client_value = ""
    for field_name in request.form.keys():
        for field_value in request.form.getlist(field_name):
            if field_value == "chosen":
                client_value = field_name
    values = ["alpha", client_value, "omega"]
    resolved = values[1]

    def perform(resolved):
        return f'<a href="/search?q={quote(resolved, safe="")}">search again</a>'

    return perform(resolved)
