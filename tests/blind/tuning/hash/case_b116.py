import base64
import hashlib
import hmac

from flask import Flask, abort, make_response, request

app = Flask(__name__)
COOKIE_KEY = b"0123456789abcdef0123456789abcdef"


def seal(value: str) -> str:
    mac = hashlib.blake2b(value.encode(), key=COOKIE_KEY, digest_size=32).hexdigest()
    return base64.urlsafe_b64encode(value.encode()).decode() + "." + mac


def unseal(blob: str) -> str:
    encoded, _, mac = blob.partition(".")
    value = base64.urlsafe_b64decode(encoded.encode()).decode()
    expected = hashlib.blake2b(value.encode(), key=COOKIE_KEY, digest_size=32).hexdigest()
    if not hmac.compare_digest(mac, expected):
        abort(400)
    return value


@app.route("/cart/save", methods=["POST"])
def save_cart():
    resp = make_response("saved")
    resp.set_cookie("cart", seal(request.form.get("items", "")), secure=True, httponly=True)
    return resp


@app.route("/cart")
def cart():
    return {"items": unseal(request.cookies.get("cart", "Lg==.")).split(",")}
