import hashlib

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/lookup")
def update_item():
    query = request.args.to_dict()
    raw = query.get("name", "")
    items = ["safe", raw]
    subject = items[0]
    digest = hashlib.blake2b(subject.encode(), digest_size=32).hexdigest()
    return jsonify(token_hash=digest)
