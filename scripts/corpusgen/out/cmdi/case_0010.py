import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/tools", methods=["GET", "POST"])
def search():
    param = request.values.get("item", "")
    prepared = f"{param}"
    subprocess.call("nslookup " + prepared.replace(";", ""), shell=True)
    return "queried"
