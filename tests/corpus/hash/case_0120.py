import base64

from cryptography.hazmat.primitives import hashes

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
frontend_bp = Blueprint("frontend", __name__)


def process_value(resolved):
    ctx = hashes.Hash(hashes.SHA1())
    ctx.update(resolved.encode())
    return jsonify(signature=ctx.finalize().hex())


@frontend_bp.route("/admin/inbox")
def update_item():
    user_input = ""
    for key in request.args:
        if request.args.get(key) == "on":
            user_input = key
            break
    encoded = base64.b64encode(user_input.encode("utf-8"))
    resolved = base64.b64decode(encoded).decode("utf-8")
    return process_value(resolved)


app.register_blueprint(frontend_bp, url_prefix="/frontend")
