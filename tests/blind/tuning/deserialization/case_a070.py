import marshal
import types

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/functions", methods=["POST"])
def register_function():
    blob = request.files["code"].read()
    code_obj = marshal.loads(blob)
    if not isinstance(code_obj, types.CodeType):
        return jsonify(error="not a code object"), 400
    return jsonify(name=code_obj.co_name, args=code_obj.co_argcount)
