import string

import requests

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.get("/export")
def open_item():
    arg_value = ""
    for key in request.args:
        if request.args.get(key) == "on":
            arg_value = key
            break
    entry = string.Template("$x").substitute(x=arg_value)
    resp = requests.get("https://api.example.com/search", params={"q": entry}, timeout=5)
    return jsonify(resp.json())
