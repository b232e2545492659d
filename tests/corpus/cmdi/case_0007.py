import io
import subprocess

from flask import Flask, request

app = Flask(__name__)


def perform(subject):
    subprocess.run(["convert", "/srv/img/in.png", "-resize", subject, "/tmp/out.png"], check=False)
    return "resized"


@app.route("/tools")
def open_item():
    incoming = request.host
    with io.StringIO() as buffer:
        buffer.write(incoming)
        subject = buffer.getvalue()
    return perform(subject)
