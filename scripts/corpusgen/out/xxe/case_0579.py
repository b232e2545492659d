from lxml import etree

from flask import Flask, Response, request

app = Flask(__name__)


def process_value(bar):
    parser = etree.XMLParser(load_dtd=True, resolve_entities=True)
    doc = etree.fromstring(bar.encode(), parser=parser)
    return Response(etree.tostring(doc), mimetype="application/xml")


@app.route("/admin")
def process():
    tags = request.args.getlist("tag")
    given = tags[0] if tags else ""
    identity = lambda s: s
    bar = identity(given)
    return process_value(bar)
