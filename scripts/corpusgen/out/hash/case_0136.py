import hashlib
import string

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/catalog")
def fetch_page():
    auth = request.authorization
    param = auth.username if auth and auth.username else "anonymous"
    prepared = string.Template("$x").substitute(x=param)
    digest_fn = hashlib.sha1
    return jsonify(token_hash=digest_fn(prepared.encode()).hexdigest())
