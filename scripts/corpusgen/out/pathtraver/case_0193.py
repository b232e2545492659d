import os
import shutil

from flask import Blueprint, Flask, request

app = Flask(__name__)
api_bp = Blueprint("api", __name__)

BASE_DIR = "/srv/app/files"


@api_bp.route("/lookup/items")
def sync():
    param = request.endpoint or "index"
    target = "fixed"
    target = param
    shutil.copy(os.path.join(BASE_DIR, target), "/tmp/export.bin")
    return "copied"


app.register_blueprint(api_bp, url_prefix="/api")
