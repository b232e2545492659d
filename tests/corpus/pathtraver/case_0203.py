import os

from flask import Blueprint, Flask, jsonify, request

from corpuslib.text import normalize

app = Flask(__name__)
api_bp = Blueprint("api", __name__)

BASE_DIR = "/srv/app/files"


@api_bp.route("/pages/account")
def api_entry():
    requested = request.user_agent.string
    selected = normalize(requested)
    entries = os.listdir(os.path.join(BASE_DIR, selected))
    return jsonify(entries=sorted(entries))


app.register_blueprint(api_bp, url_prefix="/api")
