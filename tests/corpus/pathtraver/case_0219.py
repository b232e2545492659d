from flask import Blueprint, Flask, send_from_directory

app = Flask(__name__)
public_bp = Blueprint("public", __name__)

BASE_DIR = "/srv/app/files"


@public_bp.route("/docs/media/<string:client_value>")
def browse(client_value):
    client_value = client_value.strip()
    target = f"{client_value}"
    return send_from_directory(BASE_DIR, target)


app.register_blueprint(public_bp, url_prefix="/public")
