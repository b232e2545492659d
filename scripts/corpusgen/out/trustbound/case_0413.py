import os

from flask import Flask, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


@app.route("/files")
def show():
    client_value = request.environ.get("HTTP_X_TENANT", "default")
    prepared = "{}".format(client_value)
    session["prefs"] = {"theme": prepared, "compact": False}
    return "saved"
