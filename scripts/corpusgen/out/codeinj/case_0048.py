from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/feeds")
def submit():
    query = request.args.to_dict()
    raw = query.get("name", "")
    values = ["safe", raw, "moresafe"]
    values.pop(0)
    chosen = values[0]

    def finish(chosen):
        code = compile(chosen, "<formula>", "eval")
        result = eval(code, {"__builtins__": {}})
        return jsonify(result=str(result))

    return finish(chosen)
