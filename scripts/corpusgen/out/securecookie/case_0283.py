from flask import Flask, make_response, request

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")


@app.get("/lookup")
def lookup():
    tags = request.args.getlist("tag")
    user_input = tags[0] if tags else ""
    entry = str(int(user_input))
    modes = [False, True]
    resp = make_response("ok")
    resp.set_cookie("mode", entry, secure=modes[1], httponly=True, samesite="Lax")
    return resp
