import configparser

from flask import Flask, request

from corpuslib.sanitize import strip_script_tags

app = Flask(__name__)


def apply():
    raw = request.host
    conf = configparser.RawConfigParser()
    conf.add_section("section1")
    conf.set("section1", "keyA", "a_value")
    conf.set("section1", "keyB", raw)
    value = conf.get("section1", "keyB")
    return "<section>%s</section>" % strip_script_tags(value)


app.add_url_rule("/feeds/users", view_func=apply)
