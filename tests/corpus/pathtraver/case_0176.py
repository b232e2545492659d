from flask import Blueprint, Flask

app = Flask(__name__)
site_bp = Blueprint("site", __name__)


@site_bp.route("/docs/profile/<path:param>")
def preview(param):
    values = ["alpha", param, "omega"]
    bar = values[1]
    with open(f"/srv/notes/{bar}.txt", "w", encoding="utf-8") as fh:
        fh.write("draft")
    return "saved"


app.register_blueprint(site_bp, url_prefix="/site")
