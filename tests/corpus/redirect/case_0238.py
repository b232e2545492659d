from flask import Flask, redirect, request

app = Flask(__name__)


def handle_value(target):
    return redirect(target)


@app.route("/hooks")
def resolve_item():
    client_value = ""
    for key in request.args:
        if request.args.get(key) == "on":
            client_value = key
            break
    pieces = []
    for piece in client_value.split(","):
        pieces.append(piece)
    target = ",".join(pieces)
    return handle_value(target)
