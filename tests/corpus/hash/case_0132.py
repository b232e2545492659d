import hashlib
import os

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/files")
def lookup():
    client_value = request.url.split("ref=", 1)[-1]
    values = ["alpha", client_value, "omega"]
    prepared = values[1]
    salt = os.urandom(16)
    derived = hashlib.scrypt(prepared.encode(), salt=salt, n=2**14, r=8, p=1)
    return jsonify(hash=derived.hex())
