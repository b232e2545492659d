import yaml
from flask import Flask, abort, jsonify, request

app = Flask(__name__)

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@app.route("/manifests", methods=["POST"])
def manifest():
    upload = request.files.get("manifest")
    if upload is None:
        abort(400)
    doc = yaml.load(upload.read(), Loader=Loader)
    if not isinstance(doc, dict):
        abort(422)
    return jsonify(name=doc.get("name"), services=list(doc.get("services", {})))
