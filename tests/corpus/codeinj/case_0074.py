from flask import Flask, jsonify, request

from corpuslib.text import Box

app = Flask(__name__)


@app.route("/account/files", methods=["POST", "PUT"])
def update_item():
    requested = request.data.decode("utf-8", "replace")
    entry = Box(requested).unwrap()
    result = eval("1 + %d" % int(entry))
    return jsonify(result=result)
