import configparser

from flask import Flask, make_response, request

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")


@app.route("/widgets", methods=["POST"])
def open_item():
    supplied = request.form["username"]
    conf = configparser.RawConfigParser()
    conf.add_section("section1")
    conf.set("section1", "keyA", "a_value")
    conf.set("section1", "keyB", supplied)
    entry = conf.get("section1", "keyB")
    modes = [True, False]
    resp = make_response("ok")
    resp.set_cookie("mode", entry, secure=modes[1], httponly=True, samesite="Lax")
    return resp
