import yaml

from flask import Blueprint, Flask, jsonify, request

from corpuslib.registry import formatter_for

app = Flask(__name__)
main_bp = Blueprint("main", __name__)


@main_bp.route("/export", methods=["POST"])
def report():
    attachment = request.files.get("attachment")
    client_value = attachment.stream.read().decode() if attachment else ""
    value = formatter_for("heading")(client_value).render()

    def respond_with(value):
        obj = yaml.unsafe_load(value)
        return jsonify(kind=type(obj).__name__)

    return respond_with(value)


app.register_blueprint(main_bp, url_prefix="/main")
