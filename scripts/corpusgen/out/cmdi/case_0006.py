import configparser
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/tools", methods=["POST"])
def open_item():
    given = request.files["document"].read().decode("utf-8", "ignore")
    conf = configparser.RawConfigParser()
    conf.add_section("section1")
    conf.set("section1", "keyA", "a_value")
    conf.set("section1", "keyB", given)
    subject = conf.get("section1", "keyB")
    proc = subprocess.run(["ping", "-c", "1", "--", subject], capture_output=True, text=True)
    return jsonify(code=proc.returncode)
