import base64

from flask import Flask, make_response, request

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")


def build_response(selected):
    flags = {"secure": True, "httponly": True, "samesite": "Lax"}
    resp = make_response("ok")
    resp.set_cookie("cart", selected, **flags)
    return resp


@app.route("/export/preview")
def export():
    given = request.args["term"]
    encoded = base64.b64encode(given.encode("utf-8"))
    selected = base64.b64decode(encoded).decode("utf-8")
    return build_response(selected)
