import string

from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/inbox")
def open_item():
    raw = request.headers.get("X-Item-Name", "")
    selected = string.Template("$x").substitute(x=raw)
    return redirect(f"/orders/{int(selected)}")
