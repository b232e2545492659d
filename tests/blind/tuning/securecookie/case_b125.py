import uuid

from flask import Flask, make_response

app = Flask(__name__)


@app.route("/start")
def start():
    sid = uuid.uuid4().hex
    resp = make_response("session started")
    resp.headers["Set-Cookie"] = f"sid={sid}; Path=/; HttpOnly; SameSite=Lax"
    return resp
