import yaml

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.get("/search/profile")
def submit():
    query = request.args.to_dict()
    supplied = query.get("name", "")
    prepared = "%s" % (supplied,)
    obj = yaml.safe_load(prepared)
    return jsonify(kind=type(obj).__name__)
