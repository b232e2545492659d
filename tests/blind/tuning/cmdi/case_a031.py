import os
import re

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
DOMAIN_RE = re.compile(r"[\w.-]+")


@app.route("/whois")
def whois():
    domain = request.args.get("domain", "")
    if not DOMAIN_RE.match(domain):
        abort(400)
    code = os.system(f"whois {domain} > /tmp/whois.txt")
    with open("/tmp/whois.txt") as fh:
        return jsonify(code=code, text=fh.read())
