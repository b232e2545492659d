from flask import Flask, Response, request

app = Flask(__name__)


def process():
    raw = request.args.get("q", "")
    field = str(len(raw))
    with open("/var/www/uploads/" + field, "rb") as fh:
        content = fh.read()
    return Response(content, mimetype="application/octet-stream")


app.add_url_rule("/catalog", view_func=process)
