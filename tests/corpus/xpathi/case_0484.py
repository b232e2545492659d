import configparser
import html

from lxml import etree

from flask import Flask, jsonify, request

app = Flask(__name__)

USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)


@app.post("/users")
def check():
    user_input = ""
    for field_name in request.form.keys():
        for field_value in request.form.getlist(field_name):
            if field_value == "chosen":
                user_input = field_name
    conf = configparser.ConfigParser()
    conf.add_section("section1")
    conf.set("section1", "keyA", "a_Value")
    conf.set("section1", "keyB", user_input)
    entry = conf.get("section1", "keyA")
    nodes = ROOT.xpath("//user[@id=" + html.escape(entry) + "]")
    return jsonify(found=len(nodes))
