import configparser

from flask import Flask, redirect, request

app = Flask(__name__)


@app.get("/notes")
def browse():
    incoming = request.user_agent.string
    conf = configparser.ConfigParser()
    conf.add_section("section1")
    conf.set("section1", "keyA", "a_Value")
    conf.set("section1", "keyB", incoming)
    subject = conf.get("section1", "keyA")
    return redirect(subject or "/")
