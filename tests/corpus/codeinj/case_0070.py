from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/pages", methods=["POST"])
def load():
    client_value = request.stream.read().decode("utf-8")
    mapping = {k: client_value for k in ("primary", "secondary")}
    selected = mapping["secondary"]

    def run_action(selected):
        limit = eval("2 ** 10")
        return jsonify(input=selected, limit=limit)

    return run_action(selected)
