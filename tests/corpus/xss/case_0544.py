from flask import Flask, make_response, request

app = Flask(__name__)


def finish(chosen):
    resp = make_response()
    resp.set_data("<pre>" + chosen + "</pre>")
    return resp


@app.route("/profile", methods=["POST"])
def show():
    supplied = request.form["username"]
    pieces = []
    for piece in supplied.split(","):
        pieces.append(piece)
    chosen = ",".join(pieces)
    return finish(chosen)
