import configparser
import hashlib

from flask import Flask, jsonify

app = Flask(__name__)


@app.route("/profile/<string:requested>")
def run_task(requested):
    requested = requested.strip()
    conf = configparser.ConfigParser()
    conf.add_section("section1")
    conf.set("section1", "keyA", "a_Value")
    conf.set("section1", "keyB", requested)
    prepared = conf.get("section1", "keyA")
    algorithm = "md5" if (3 * 4) > 20 else "sha512"
    digest = hashlib.new(algorithm)
    digest.update(prepared.encode())
    return jsonify(checksum=digest.hexdigest())
