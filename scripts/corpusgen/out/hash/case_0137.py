import hashlib

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/pages")
def preview():
    choices = request.form.getlist("choice")
    raw = choices[-1] if choices else "none"
    prepared = "%s" % (raw,)
    options = {"fast": "md5", "strong": "sha256"}
    digest = hashlib.new(options["fast"], prepared.encode()).hexdigest()
    return jsonify(password_hash=digest)
