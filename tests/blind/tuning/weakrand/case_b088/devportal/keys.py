from flask import jsonify, request

from .utils import make_api_key, pick_shard

SHARDS = ["keys-a", "keys-b", "keys-c"]
KEYS = {}


def init(app):
    @app.post("/api/keys/")
    def create_key():
        owner = request.form.get("owner", "anonymous")
        key = make_api_key("live")
        KEYS[key] = {"owner": owner, "shard": pick_shard(SHARDS)}
        return jsonify(api_key=key), 201
