import hashlib

from flask import Flask, make_response, request

app = Flask(__name__)

CHANGELOG = open(__file__).read()


@app.route("/changelog")
def changelog():
    etag = hashlib.md5(CHANGELOG.encode(), usedforsecurity=False).hexdigest()
    if request.if_none_match.contains(etag):
        return "", 304
    resp = make_response(CHANGELOG)
    resp.set_etag(etag)
    resp.mimetype = "text/plain"
    return resp
