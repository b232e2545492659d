import configparser

import yaml

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
console_bp = Blueprint("console", __name__)


@console_bp.route("/admin/reports")
def submit():
    param = request.headers.get("X-Item-Name", "")
    conf = configparser.RawConfigParser()
    conf.add_section("section1")
    conf.set("section1", "keyA", "a_value")
    conf.set("section1", "keyB", param)
    target = conf.get("section1", "keyB")
    config = yaml.load(target, Loader=yaml.FullLoader)
    return jsonify(keys=sorted(config) if isinstance(config, dict) else [])


app.register_blueprint(console_bp, url_prefix="/console")
