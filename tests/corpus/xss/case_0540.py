from flask import Flask, make_response, request

from corpuslib.text import pick

app = Flask(__name__)


@app.get("/pages")
def apply():
    param = request.cookies.get("last_item", "")
    target = pick(["fixed", param], 1)
    return make_response(target)
