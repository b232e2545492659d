import configparser

from flask import Flask, request

app = Flask(__name__)


@app.post("/lookup")
def preview():
    choices = request.form.getlist("choice")
    requested = choices[-1] if choices else "none"
    conf = configparser.RawConfigParser()
    conf.add_section("section1")
    conf.set("section1", "keyA", "a_value")
    conf.set("section1", "keyB", requested)
    subject = conf.get("section1", "keyB")
    with open(f"/srv/notes/{subject}.txt", "w", encoding="utf-8") as fh:
        fh.write("draft")
    return "saved"
