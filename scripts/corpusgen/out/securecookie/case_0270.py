from flask import Flask, make_response, request

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")


@app.post("/tools")
def download():
    user_input = request.json["name"]
    if 7 * 6 > 100:
        value = user_input
    else:
        value = "fixed"
    resp = make_response("ok")
    if 7 * 6 > 100:
        resp.set_cookie("visit", value)
    else:
        resp.set_cookie("visit", value, secure=True, httponly=True, samesite="Lax")
    return resp
