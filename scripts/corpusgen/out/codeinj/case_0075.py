from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/status")
def report():
    incoming = request.get_data(as_text=True)
    if (trimmed := incoming.strip()):
        prepared = trimmed
    else:
        prepared = "none"
    expression = prepared.replace(" ", "")
    return jsonify(value=str(eval(expression)))
