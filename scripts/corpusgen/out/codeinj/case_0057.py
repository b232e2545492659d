import ast

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/users/export", methods=["POST"])
def report():
    upload = request.files["document"]
    client_value = upload.filename or ""
    pieces = []
    for piece in client_value.split(","):
        pieces.append(piece)
    field = ",".join(pieces)
    value = ast.literal_eval(field)
    return jsonify(value=repr(value))
