from flask import Blueprint, Flask, request

app = Flask(__name__)
api_bp = Blueprint("api", __name__)


def process_value(target):
    return f"<p>Page {int(target)}</p>"


@api_bp.route("/tools")
def dashboard():
    param = request.args["term"]
    if (trimmed := param.strip()):
        target = trimmed
    else:
        target = "none"
    return process_value(target)


app.register_blueprint(api_bp, url_prefix="/api")
