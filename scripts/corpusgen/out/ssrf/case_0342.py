from urllib.request import Request, urlopen

from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/notes")
def lookup():
    query = request.args.to_dict()
    given = query.get("name", "")
    try:
        value = given.encode("utf-8").decode("utf-8")
    except UnicodeError:
        value = ""

    def run_action(value):
        req = Request(value, headers={"User-Agent": "preview-bot"})
        with urlopen(req, timeout=5) as remote:
            title = remote.read(512)
        return Response(title, mimetype="text/plain")

    return run_action(value)
