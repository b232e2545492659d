from flask import Flask, redirect, request

app = Flask(__name__)


@app.get("/lang/<code>")
def set_language(code):
    back = request.args.get("back", "/")
    if not back.startswith("/"):
        back = "/"
    resp = redirect(back)
    resp.set_cookie("lang", code[:5], secure=True, httponly=True, samesite="Lax")
    return resp
