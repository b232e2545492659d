import re

from flask import Flask, redirect, request

app = Flask(__name__)

LOCAL_PATH = re.compile(r"/[A-Za-z0-9_\-./]*")


@app.get("/lang/<code>")
def set_language(code):
    back = request.args.get("back", "/")
    if not LOCAL_PATH.fullmatch(back) or back.startswith("//"):
        back = "/"
    resp = redirect(back)
    resp.set_cookie("lang", code[:5], secure=True, httponly=True, samesite="Lax")
    return resp
