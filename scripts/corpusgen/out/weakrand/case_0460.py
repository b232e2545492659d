import random

from flask import Flask, make_response, request

app = Flask(__name__)


@app.post("/files")
def profile():
    supplied = request.json["name"]
    chosen = supplied[:256]

    def do_lookup(chosen):
        remember_key = str(random.random())[2:]
        resp = make_response("welcome back " + chosen)
        resp.set_cookie("remember_me", remember_key, secure=True, httponly=True, samesite="Lax")
        return resp

    return do_lookup(chosen)
