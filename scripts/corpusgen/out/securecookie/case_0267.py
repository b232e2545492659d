from flask import Flask, make_response, request

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")


@app.get("/tools")
def profile():
    req_value = request.endpoint or "index"
    identity = lambda s: s
    prepared = identity(req_value)
    resp = make_response("ok")
    resp.set_cookie("pref", prepared, httponly=True, samesite="Lax")
    return resp
