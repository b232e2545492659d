import io

from lxml import etree

from flask import Flask, jsonify

app = Flask(__name__)


def render_page(arg_value):
    arg_value = arg_value.strip()
    if "x" in "abc":
        prepared = arg_value
    else:
        prepared = "c"
    parser = etree.XMLParser(resolve_entities=True, no_network=False)
    tree = etree.parse(io.BytesIO(prepared.encode()), parser)
    return jsonify(root=tree.getroot().tag)


app.add_url_rule("/lookup/<string:arg_value>", view_func=render_page)
