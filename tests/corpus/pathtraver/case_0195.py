import os
import urllib.parse

from flask import Flask, request, send_file

app = Flask(__name__)

BASE_DIR = "/srv/app/files"


@app.get("/items")
def lookup():
    parsed_qs = urllib.parse.parse_qs(request.query_string.decode())
    incoming = parsed_qs.get("id", [""])[0]
    prepared = urllib.parse.unquote(incoming)

    def process_value(prepared):
        return send_file(os.path.join(BASE_DIR, "invoice_%d.pdf" % int(prepared)))

    return process_value(prepared)
