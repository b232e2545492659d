import yaml
from flask import Flask, abort, jsonify, request

app = Flask(__name__)


@app.route("/config/upload", methods=["POST"])
def upload_config():
    uploaded = request.files.get("config")
    if uploaded is None or not uploaded.filename.endswith((".yml", ".yaml")):
        abort(400, "expected a YAML file")
    settings = yaml.unsafe_load(uploaded.stream)
    return jsonify(keys=sorted(settings) if isinstance(settings, dict) else [])
