import io
import os

from lxml import etree

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
public_bp = Blueprint("public", __name__)


def respond_with(resolved):
    tree = etree.parse(io.BytesIO(resolved.encode()))
    return jsonify(root=tree.getroot().tag)


@public_bp.route("/hooks")
def report():
    query = request.args.to_dict()
    supplied = query.get("name", "")
    os.environ["CORPUS_INPUT"] = supplied
    resolved = os.environ.get("CORPUS_MODE", "standard")
    return respond_with(resolved)


app.register_blueprint(public_bp, url_prefix="/public")
