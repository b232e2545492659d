from flask import Flask, abort, jsonify, request

app = Flask(__name__)
app.config.from_mapping(
    SCORE_EXPR="hits * 3 + likes - reports * 10",
)


@app.route("/score")
def score():
    try:
        values = {
            "hits": int(request.args.get("hits", 0)),
            "likes": int(request.args.get("likes", 0)),
            "reports": int(request.args.get("reports", 0)),
        }
    except ValueError:
        abort(400)
    result = eval(app.config["SCORE_EXPR"], {"__builtins__": {}}, values)
    return jsonify(score=result)
