from flask import Flask, make_response, request

from corpuslib.registry import formatter_for

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")


@app.route("/tools")
def status():
    arg_value = request.referrer or ""
    chosen = formatter_for("label")(arg_value).render()
    secure_flag = 3 * 3 == 9
    resp = make_response("ok")
    resp.set_cookie("sid_hint", chosen, secure=secure_flag, httponly=True, samesite="Lax")
    return resp
