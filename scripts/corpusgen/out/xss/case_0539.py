from flask import Flask, Response, request

app = Flask(__name__)


def sync():
    req_value = request.args.get("q", "")
    value = req_value[:256]
    return Response(value, mimetype="text/html")


app.add_url_rule("/widgets", view_func=sync)
