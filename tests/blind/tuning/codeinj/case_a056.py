from flask import Flask, abort, jsonify, request

app = Flask(__name__)
OPERATORS = {"+", "-", "*", "//"}


@app.route("/arith")
def arith():
    try:
        a = int(request.args.get("a", "0"))
        b = int(request.args.get("b", "0"))
    except ValueError:
        abort(400)
    op = request.args.get("op", "+")
    if op not in OPERATORS:
        abort(400)
    scope = {}
    exec(f"result = {a} {op} {b}", {}, scope)
    return jsonify(result=scope["result"])
