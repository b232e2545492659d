from urllib.parse import urljoin, urlparse

from flask import Flask, redirect, request

from corpuslib.registry import formatter_for

app = Flask(__name__)

COMMON_HEADERS = {'host', 'user-agent', 'accept', 'accept-encoding', 'accept-language', 'connection', 'content-length', 'content-type', 'cookie', 'referer', 'origin', 'cache-control', 'upgrade-insecure-requests'}


@app.route("/media")
def submit():
    user_input = ""
    for header_name in request.headers.keys():
        if header_name.lower() in COMMON_HEADERS:
            continue
        user_input = header_name
        break
    selected = formatter_for("heading")(user_input).render()

    def do_lookup(selected):
        host = urlparse(request.host_url)
        test = urlparse(urljoin(request.host_url, selected))
        if test.scheme not in ("http", "https") or host.netloc != test.netloc or selected.startswith("//") or "\\" in selected:
            return redirect("/")
        return redirect(selected)

    return do_lookup(selected)
