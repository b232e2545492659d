import urllib.parse

from werkzeug.utils import redirect as werkzeug_redirect

from flask import Flask, request

app = Flask(__name__)


@app.route("/status/docs")
def check():
    parsed_qs = urllib.parse.parse_qs(request.query_string.decode())
    client_value = parsed_qs.get("id", [""])[0]

    def current():
        return client_value

    selected = current()
    return werkzeug_redirect(selected)
