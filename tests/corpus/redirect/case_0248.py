from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/notes")
def open_item():
    auth = request.authorization
    raw = auth.username if auth and auth.username else "anonymous"
    identity = lambda s: s
    target = identity(raw)
    resp = make_response("", 302)
    resp.headers["Location"] = target
    return resp
