import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)

MIRRORS = ("mirror1.example.com", "mirror2.example.com", "cdn.example.net")


def valid_host(host):
    return host in MIRRORS


@app.route("/mirror/check")
def mirror_check():
    host = request.args.get("host", "")
    if not valid_host(host):
        abort(400)
    r = requests.head(f"https://{host}/release/latest.tar.gz", timeout=3)
    return jsonify(host=host, available=r.status_code == 200)
