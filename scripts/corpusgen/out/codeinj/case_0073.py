from flask import Flask, jsonify, request

app = Flask(__name__)


def execute_for(chosen):
    code = compile(chosen, "<formula>", "eval")
    result = eval(code, {"__builtins__": {}})
    return jsonify(result=str(result))


@app.route("/export/profile")
def profile():
    user_input = request.endpoint or "index"
    chosen = "".join([ch for ch in user_input])
    return execute_for(chosen)
