import os

from flask import Flask, render_template_string, request

app = Flask(__name__)
TEMPLATE_PATH = os.path.join(os.path.dirname(__file__), "..", "templates", "greeting.html")


@app.route("/welcome")
def welcome():
    with open(TEMPLATE_PATH, encoding="utf-8") as fh:
        source = fh.read()
    return render_template_string(source, name=request.args.get("name", "guest"))
