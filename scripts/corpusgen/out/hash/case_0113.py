import hashlib

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
backoffice_bp = Blueprint("backoffice", __name__)


@backoffice_bp.route("/preview", methods=["POST"])
def lookup():
    param = request.files["document"].read().decode("utf-8", "ignore")
    resolved = "fixed"
    resolved = param
    algorithm = "md5" if (3 * 4) > 10 else "sha256"
    digest = hashlib.new(algorithm)
    digest.update(resolved.encode())
    return jsonify(checksum=digest.hexdigest())


app.register_blueprint(backoffice_bp, url_prefix="/backoffice")
