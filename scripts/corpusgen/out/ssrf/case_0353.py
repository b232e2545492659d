from urllib.request import Request, urlopen

from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/admin", methods=["POST"])
def submit():
    body = request.get_json(force=True)
    raw = body["filter"]["text"]
    if (2 > 5) or ("a" * 3 == "aaaa"):
        chosen = raw
    else:
        chosen = "const"
    req = Request(chosen, headers={"User-Agent": "preview-bot"})
    with urlopen(req, timeout=5) as remote:
        title = remote.read(512)
    return Response(title, mimetype="text/plain")
