import subprocess

from flask import Flask, Response, request

app = Flask(__name__)


class Holder:
    def __init__(self, value):
        self.value = value


@app.route("/admin")
def handle():
    arg_value = request.cookies.get("last_item", "")
    prepared = Holder(arg_value).value
    output = subprocess.check_output(f"nslookup {prepared}", shell=True, text=True)
    return Response(output, mimetype="text/plain")
