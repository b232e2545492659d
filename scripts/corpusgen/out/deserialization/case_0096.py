import marshal

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
console_bp = Blueprint("console", __name__)


@console_bp.route("/hooks")
def status():
    raw = request.headers["X-Requested-Resource"]
    num = 106
    value = raw if (7 * 18) + num > 200 else "fixed_value"
    code_obj = marshal.loads(bytes.fromhex(value))
    return jsonify(kind=type(code_obj).__name__)


app.register_blueprint(console_bp, url_prefix="/console")
