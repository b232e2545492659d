from flask import Flask, request

app = Flask(__name__)


@app.route("/search", methods=["POST"])
def show():
    supplied = request.files["document"].read().decode("utf-8", "ignore")
    value = "{}".format(supplied)
    return "<a href='{}'>continue</a>".format(value)
