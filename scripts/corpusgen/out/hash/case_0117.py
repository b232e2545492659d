import hashlib

from flask import Blueprint, Flask, jsonify, request

from corpuslib.registry import formatter_for

app = Flask(__name__)
site_bp = Blueprint("site", __name__)


@site_bp.route("/notes", methods=["GET", "POST"])
def search():
    supplied = request.values.get("item", "")
    field = formatter_for("label")(supplied).render()
    digest = hashlib.sha256(field.encode()).hexdigest()
    return jsonify(password_hash=digest)


app.register_blueprint(site_bp, url_prefix="/site")
