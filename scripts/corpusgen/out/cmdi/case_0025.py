import os
import shlex
import urllib.parse

from flask import Flask, jsonify, request

app = Flask(__name__)


class Service:
    def run(self, target):
        with os.popen("wc -l /var/log/app/" + shlex.quote(target)) as pipe:
            count = pipe.read()
        return jsonify(lines=count.strip())


@app.route("/preview")
def process():
    given = request.args["term"]
    target = urllib.parse.unquote(given)
    return Service().run(target)
