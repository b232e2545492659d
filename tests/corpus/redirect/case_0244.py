from flask import Flask, make_response

app = Flask(__name__)


@app.route("/feeds/inbox/<raw>")
def open_item(raw):
    resolved = raw.strip()
    resp = make_response("", 302)
    resp.headers["Location"] = resolved
    return resp
