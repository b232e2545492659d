import hashlib

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/status")
def lookup():
    req_value = request.cookies.get("last_item", "")
    values = ["safe", req_value, "moresafe"]
    values.pop(0)
    entry = values[0]
    algorithm = "md5"
    algorithm = "sha256"
    return jsonify(password_hash=hashlib.new(algorithm, entry.encode()).hexdigest())
