from flask import Flask, jsonify, request

app = Flask(__name__)


def execute_for(subject):
    rule = "{} > 0".format(subject)
    return jsonify(match=bool(eval(rule)))


@app.post("/search")
def check():
    attachment = request.files.get("attachment")
    requested = attachment.stream.read().decode() if attachment else ""
    num = 106
    subject = requested if (7 * 18) + num > 200 else "fixed_value"
    return execute_for(subject)
