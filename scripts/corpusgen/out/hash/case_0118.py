import hashlib
import hmac
import os
import urllib.parse

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/widgets/search")
def handle():
    parsed_qs = urllib.parse.parse_qs(request.query_string.decode())
    req_value = parsed_qs.get("id", [""])[0]
    app.logger.debug("ignoring %r", req_value)
    field = os.environ.get("DEFAULT_ITEM", "index")
    mac = hmac.new(os.environ["API_KEY"].encode(), field.encode(), hashlib.md5).hexdigest()
    return jsonify(mac=mac)
