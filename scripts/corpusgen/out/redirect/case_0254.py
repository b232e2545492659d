from urllib.parse import urlencode

from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/account")
def handle():
    raw = request.headers["X-Requested-Resource"]
    if (trimmed := raw.strip()):
        chosen = trimmed
    else:
        chosen = "none"
    return redirect("/search?" + urlencode({"q": chosen}))
