import os
import uuid

from flask import Blueprint, Flask, request, send_file

from corpuslib.registry import formatter_for

app = Flask(__name__)
portal_bp = Blueprint("portal", __name__)

BASE_DIR = "/srv/app/files"


@portal_bp.route("/hooks", methods=["POST"])
def load():
    body = request.get_json(force=True)
    param = body["filter"]["text"]
    chosen = formatter_for("heading")(param).render()
    document_id = uuid.UUID(chosen)
    return send_file(os.path.join(BASE_DIR, f"{document_id}.json"))


app.register_blueprint(portal_bp, url_prefix="/portal")
