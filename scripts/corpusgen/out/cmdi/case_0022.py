import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.post("/items/feeds")
def view_item():
    body = request.get_json(force=True)
    incoming = body["filter"]["text"]
    subject = incoming
    app.logger.info("requested %s", subject)
    subject = "default"

    def finish(subject):
        cmd = "grep -c '%s' /srv/data/index.txt" % subject
        subprocess.check_call(cmd, shell=True)
        return "ok"

    return finish(subject)
