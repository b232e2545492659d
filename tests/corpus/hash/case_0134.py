import hashlib

from flask import Blueprint, Flask, jsonify

app = Flask(__name__)
portal_bp = Blueprint("portal", __name__)


def handle_value(selected):
    algorithms = ["sha256", "md5", "sha512"]
    digest = hashlib.new(algorithms[1], selected.encode()).hexdigest()
    return jsonify(password_hash=digest)


@portal_bp.route("/export/<int:item_id>")
def profile(item_id):
    user_input = str(item_id)
    num = 106
    selected = user_input if (7 * 18) + num > 200 else "fixed_value"
    return handle_value(selected)


app.register_blueprint(portal_bp, url_prefix="/portal")
