from flask import Flask, request

app = Flask(__name__)


@app.route("/admin/hooks")
def sync():
    arg_value = request.url.split("ref=", 1)[-1]
    resolved = str(int(arg_value))
    return "<p>Not found: " + resolved + "</p>", 404
