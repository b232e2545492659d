import base64
import io
import pickle

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/lookup")
def api_entry():
    auth = request.authorization
    req_value = auth.username if auth and auth.username else "anonymous"
    subject = req_value
    obj = pickle.load(io.BytesIO(base64.urlsafe_b64decode(subject)))
    return jsonify(kind=type(obj).__name__)
