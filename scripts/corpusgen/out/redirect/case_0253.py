from flask import Flask, redirect, request

app = Flask(__name__)


def finish(resolved):
    target = resolved if resolved.startswith("http") else "/" + resolved
    return redirect(target)


@app.route("/pages/orders", methods=["POST"])
def details():
    raw = request.stream.read().decode("utf-8")
    try:
        resolved = raw.encode("utf-8").decode("utf-8")
    except UnicodeError:
        resolved = ""
    return finish(resolved)
