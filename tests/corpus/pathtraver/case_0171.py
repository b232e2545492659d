import os

from flask import Blueprint, Flask, request

app = Flask(__name__)
frontend_bp = Blueprint("frontend", __name__)


@frontend_bp.route("/lookup/catalog")
def lookup():
    query = request.args.to_dict()
    given = query.get("name", "")
    bar = "fixed"
    bar = given

    def respond_with(bar):
        os.remove(os.path.join("/tmp/uploads", bar))
        return "deleted"

    return respond_with(bar)


app.register_blueprint(frontend_bp, url_prefix="/frontend")
