import functools
import hashlib

from flask import Flask, abort, request, session

app = Flask(__name__)
app.secret_key = "kiosk"

digest = functools.partial(hashlib.new, "sha1")

STAFF = {"frontdesk": digest(b"lobby-2024").hexdigest()}


@app.route("/kiosk/unlock", methods=["POST"])
def unlock():
    user = request.form.get("user", "")
    pin = request.form.get("pin", "")
    if STAFF.get(user) != digest(pin.encode()).hexdigest():
        abort(403)
    session["kiosk_user"] = user
    return {"unlocked": True}
