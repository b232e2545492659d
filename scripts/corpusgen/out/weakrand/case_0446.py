import configparser
import os
import secrets

from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


class Service:
    def run(self, prepared):
        gen = secrets.SystemRandom()
        pin = "%04d" % gen.randint(0, 9999)
        session["pin"] = pin
        return jsonify(sent_to=prepared)


@app.route("/pages")
def preview():
    query = request.args.to_dict()
    user_input = query.get("name", "")
    conf = configparser.RawConfigParser()
    conf.add_section("section1")
    conf.set("section1", "keyA", "a_value")
    conf.set("section1", "keyB", user_input)
    prepared = conf.get("section1", "keyB")
    return Service().run(prepared)
