from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/hooks/run", methods=["POST"])
def run_hook():
    target = request.headers.get("X-Hook", "hooks.default:run")
    module_name, _, func_name = target.partition(":")
    module = __import__(module_name, fromlist=[func_name])
    result = getattr(module, func_name)()
    return jsonify(result=result)
