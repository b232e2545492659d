import os

from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


def apply():
    arg_value = "none"
    for header_name, header_value in request.headers.items():
        if header_value == "selected":
            arg_value = header_name
    target = f"{arg_value}"
    session["prefs"] = {"theme": target, "compact": False}
    return "saved"


app.add_url_rule("/account", view_func=apply)
