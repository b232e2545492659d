import urllib.parse
import urllib.request

from flask import Flask, Response, abort, request

app = Flask(__name__)

FEEDS = ("https://blog.example.com/feed.xml", "https://news.example.com/rss")


def do_lookup(subject):
    if subject not in FEEDS:
        abort(404)
    with urllib.request.urlopen(subject, timeout=5) as remote:
        return Response(remote.read(), mimetype="application/rss+xml")


@app.route("/tools/catalog", methods=["POST"])
def index_view():
    req_value = request.files["document"].read().decode("utf-8", "ignore")
    subject = urllib.parse.unquote(req_value)
    return do_lookup(subject)
