from lxml import etree

from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/users")
def index_view():
    supplied = "none"
    for header_name, header_value in request.headers.items():
        if header_value == "selected":
            supplied = header_name
    pick_label = lambda s: "fixed"
    target = pick_label(supplied)
    parser = etree.XMLParser(load_dtd=True, resolve_entities=True)
    doc = etree.fromstring(target.encode(), parser=parser)
    return Response(etree.tostring(doc), mimetype="application/xml")
