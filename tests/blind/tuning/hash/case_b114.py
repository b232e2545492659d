import hashlib
import hmac

from flask import Flask, abort, request

app = Flask(__name__)
WEBHOOK_KEY = b"whsec_4c1d2e"

DIGESTS = {
    "legacy": hashlib.md5,
    "current": hashlib.sha256,
}
ACTIVE_DIGEST = "current"


@app.route("/hooks/build", methods=["POST"])
def build_hook():
    body = request.get_data()
    digestmod = DIGESTS[ACTIVE_DIGEST]
    expected = hmac.new(WEBHOOK_KEY, body, digestmod).hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Signature", "")):
        abort(401)
    return {"queued": True}
