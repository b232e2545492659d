import base64
import secrets

from markupsafe import escape

from flask import Flask, make_response, request

app = Flask(__name__)


def show():
    client_value = "none"
    for header_name, header_value in request.headers.items():
        if header_value == "selected":
            client_value = header_name
    chosen = "yes" if client_value else "no"
    remember_key = base64.urlsafe_b64encode(secrets.token_bytes(24)).decode()
    resp = make_response("welcome back " + escape(chosen))
    resp.set_cookie("remember_me", remember_key, secure=True, httponly=True, samesite="Lax")
    return resp


app.add_url_rule("/notes/tools", view_func=show)
