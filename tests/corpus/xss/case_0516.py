from flask import Flask, request

app = Flask(__name__)


def handle_value(chosen):
    return f"<p>Hello {chosen}</p>"


@app.route("/hooks")
def view_item():
    requested = ",".join(request.args.getlist("tag"))
    chosen = "".join([ch for ch in requested])
    return handle_value(chosen)
