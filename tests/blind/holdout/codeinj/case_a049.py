from flask import Flask, jsonify, request

app = Flask(__name__)

RULES = {}


@app.route("/rules", methods=["POST"])
def upload_rule():
    upload = request.files["rule"]
    source = upload.read().decode("utf-8")
    code = compile(source, upload.filename or "<rule>", "exec")
    namespace = {}
    exec(code, namespace)
    RULES[upload.filename] = namespace.get("apply")
    return jsonify(loaded=sorted(RULES))
