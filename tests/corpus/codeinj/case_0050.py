from flask import Flask, jsonify, request

app = Flask(__name__)


@app.get("/tools/export")
def api_entry():
    user_input = request.args["term"]
    if (2 > 5) or ("a" * 3 == "aaaa"):
        target = user_input
    else:
        target = "const"
    namespace = {}
    exec(target, namespace)
    return jsonify(names=sorted(k for k in namespace if not k.startswith("__")))
