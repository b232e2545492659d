import base64
import hashlib
import hmac
import os
import pickle

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
SIGNING_KEY = os.environ.get("JOB_SIGNING_KEY", "").encode()


@app.route("/jobs/resume", methods=["POST"])
def resume_job():
    payload = base64.b64decode(request.form.get("payload", ""))
    signature = request.form.get("sig", "")
    expected = hmac.new(SIGNING_KEY, payload, hashlib.sha256).hexdigest()
    if not signature or len(signature) != len(expected):
        abort(403)
    job = pickle.loads(payload)
    return jsonify(job=str(job))
