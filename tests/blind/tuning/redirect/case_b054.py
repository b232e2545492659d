from urllib.parse import urlsplit

from flask import Flask, redirect, request

app = Flask(__name__)


def valid_host(url: str) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https":
        return False
    return host == "example.com" or host.endswith(".example.com")


@app.route("/sso/return")
def sso_return():
    target = request.args.get("RelayState", "https://app.example.com/")
    if not valid_host(target):
        target = "https://app.example.com/"
    return redirect(target)
