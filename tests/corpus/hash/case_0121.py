import hashlib
import io

from flask import Flask, jsonify, request

from corpuslib.registry import formatter_for

app = Flask(__name__)


@app.route("/inbox")
def show():
    supplied = request.user_agent.string
    resolved = formatter_for("title")(supplied).render()
    digest = hashlib.file_digest(io.BytesIO(resolved.encode()), "sha256").hexdigest()
    return jsonify(checksum=digest)
