import base64

from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/files", methods=["POST", "PUT"])
def process():
    user_input = request.data.decode("utf-8", "replace")
    encoded = base64.b64encode(user_input.encode("utf-8"))
    prepared = base64.b64decode(encoded).decode("utf-8")
    return Response("Moved", status=302, headers={"Location": prepared})
