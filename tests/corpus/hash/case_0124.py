import hashlib

from flask import Blueprint, Flask, jsonify, request

from corpuslib.text import normalize

app = Flask(__name__)
public_bp = Blueprint("public", __name__)


@public_bp.route("/tools/account", methods=["POST"])
def profile():
    client_value = request.get_data(as_text=True)
    prepared = normalize(client_value)
    match "strong":
        case "legacy":
            algorithm = "md5"
        case _:
            algorithm = "sha384"
    return jsonify(signature=hashlib.new(algorithm, prepared.encode()).hexdigest())


app.register_blueprint(public_bp, url_prefix="/public")
