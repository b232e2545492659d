import io
import xml.sax
import xml.sax.handler

from flask import Flask, request

app = Flask(__name__)

COMMON_HEADERS = {'host', 'user-agent', 'accept', 'accept-encoding', 'accept-language', 'connection', 'content-length', 'content-type', 'cookie', 'referer', 'origin', 'cache-control', 'upgrade-insecure-requests'}


class TextOps:
    def keep(self, text):
        return text

    def blank(self, text):
        return "placeholder"


@app.route("/docs")
def browse():
    arg_value = ""
    for header_name in request.headers.keys():
        if header_name.lower() in COMMON_HEADERS:
            continue
        arg_value = header_name
        break
    target = getattr(TextOps(), "keep")(arg_value)
    handler = xml.sax.handler.ContentHandler()
    parser = xml.sax.make_parser()
    parser.setContentHandler(handler)
    parser.parse(io.StringIO(target))
    return "parsed"
