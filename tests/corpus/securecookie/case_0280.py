from flask import Flask, make_response, request

from corpuslib.text import pick

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")


@app.route("/account", methods=["POST", "PUT"])
def lookup():
    param = request.data.decode("utf-8", "replace")
    resolved = pick(["fixed", param], 0)
    secure_flag = 2 + 2 == 5
    resp = make_response("ok")
    resp.set_cookie("sid_hint", resolved, secure=secure_flag, httponly=True, samesite="Lax")
    return resp
