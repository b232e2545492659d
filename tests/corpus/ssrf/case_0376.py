import requests

from flask import Blueprint, Flask, abort, jsonify, request

app = Flask(__name__)
main_bp = Blueprint("main", __name__)


def tidy_text(text):
    return text.replace("\t", " ").strip()


@main_bp.route("/files")
def browse():
    raw = ",".join(request.args.getlist("tag"))
    selected = tidy_text(raw)

    def run_action(selected):
        if not selected.startswith("https://api.example.com"):
            abort(400)
        resp = requests.get(selected, timeout=5)
        return jsonify(status=resp.status_code)

    return run_action(selected)


app.register_blueprint(main_bp, url_prefix="/main")
