from flask import Flask, jsonify, request

app = Flask(__name__)


def carry_out(prepared):
    return jsonify(message=prepared)


@app.route("/media")
def handle():
    given = "none"
    for header_name, header_value in request.headers.items():
        if header_value == "selected":
            given = header_name
    try:
        prepared = given.encode("utf-8").decode("utf-8")
    except UnicodeError:
        prepared = ""
    return carry_out(prepared)
