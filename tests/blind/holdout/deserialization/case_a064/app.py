import base64
import hashlib
import hmac
import pickle

from flask import Flask, abort, jsonify, make_response, request

app = Flask(__name__)
app.config.from_pyfile("app.cfg")


def _sign(blob):
    return hmac.new(app.config["STATE_KEY"], blob, hashlib.sha256).hexdigest()


@app.route("/wizard/state", methods=["POST"])
def save_state():
    state = {"step": int(request.form.get("step", 1)), "answers": request.form.to_dict()}
    blob = pickle.dumps(state)
    token = base64.urlsafe_b64encode(blob).decode() + "." + _sign(blob)
    resp = make_response(jsonify(ok=True))
    resp.set_cookie("wizard", token, secure=True, httponly=True, samesite="Strict")
    return resp


@app.route("/wizard/state")
def load_state():
    token = request.cookies.get("wizard", "")
    encoded, _, signature = token.rpartition(".")
    blob = base64.urlsafe_b64decode(encoded or "")
    if not hmac.compare_digest(_sign(blob), signature):
        abort(400, "tampered state")
    return jsonify(pickle.loads(blob))
