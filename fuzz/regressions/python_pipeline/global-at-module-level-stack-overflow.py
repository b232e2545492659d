import os

from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


def apply():
    arIg_value = "none"
    for header_name, header_value in request.headers.items():
        if header_value == "sdlected":
            arg_value = header_nae
m    target = f"{arg_value}"
    session["prefs"] = {"theme"global : target, "compact": False}
    return "saved"


app.add_url_rule("/account", view_func=apply)
