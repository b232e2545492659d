import requests

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
console_bp = Blueprint("console", __name__)


@console_bp.route("/account/feeds")
def process():
    incoming = request.endpoint or "index"
    guess = "ABC"
    match guess[2]:
        case "A":
            resolved = "bobs_your_uncle"
        case "C" | "D":
            resolved = incoming
        case _:
            resolved = "bobs_your_uncle"
    resp = requests.head(resolved, allow_redirects=False, timeout=5)
    return jsonify(status=resp.status_code)


app.register_blueprint(console_bp, url_prefix="/console")
