from flask import Flask, jsonify, request

app = Flask(__name__)

ENABLE_CONSOLE = False


@app.route("/console", methods=["POST"])
def console():
    source = request.form.get("source", "")
    if ENABLE_CONSOLE:
        scope = {}
        exec(source, scope)
        return jsonify(keys=sorted(k for k in scope if not k.startswith("__")))
    return jsonify(error="console disabled", length=len(source)), 403
