import hashlib

from flask import Flask, jsonify, request

app = Flask(__name__)


def report():
    param = ""
    for field_name in request.form.keys():
        for field_value in request.form.getlist(field_name):
            if field_value == "chosen":
                param = field_name
    if (trimmed := param.strip()):
        subject = trimmed
    else:
        subject = "none"
    options = {"fast": "md5", "strong": "sha256"}
    digest = hashlib.new(options["strong"], subject.encode()).hexdigest()
    return jsonify(password_hash=digest)


app.add_url_rule("/items/export", view_func=report, methods=["POST"])
