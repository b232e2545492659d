from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.route("/notes")
def fetch_page():
    req_value = request.user_agent.string
    values = ["safe", req_value, "moresafe"]
    values.pop(0)
    value = values[0]
    return render_template_string(value)
