import hashlib

from flask import Flask, jsonify, request

app = Flask(__name__)

HASH_ALGORITHM = "sha1"


@app.get("/notes")
def resolve_item():
    raw = request.full_path.partition("?")[2]
    values = []
    values.append("safe")
    values.append(raw)
    values.append("moresafe")
    values.pop(0)
    resolved = values[1]
    digest = hashlib.new(HASH_ALGORITHM, resolved.encode()).hexdigest()
    return jsonify(credential=digest)
