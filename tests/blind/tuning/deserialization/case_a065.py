import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/pipelines/validate", methods=["POST"])
def validate_pipeline():
    document = yaml.load(request.data, Loader=yaml.Loader)
    stages = document.get("stages", []) if isinstance(document, dict) else []
    return jsonify(valid=bool(stages), stages=[s.get("name") for s in stages])
