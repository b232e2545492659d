from lxml import etree

from flask import Flask, jsonify, request

from corpuslib.text import known_name

app = Flask(__name__)

COMMON_HEADERS = {'host', 'user-agent', 'accept', 'accept-encoding', 'accept-language', 'connection', 'content-length', 'content-type', 'cookie', 'referer', 'origin', 'cache-control', 'upgrade-insecure-requests'}

USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


@app.get("/pages")
def inspect():
    arg_value = ""
    for header_name in request.headers.keys():
        if header_name.lower() in COMMON_HEADERS:
            continue
        arg_value = header_name
        break
    chosen = known_name(arg_value)
    doc = etree.fromstring(USERS_XML, PARSER)
    count = doc.xpath("count(//user[@role='" + chosen + "'])")
    return jsonify(count=count)
