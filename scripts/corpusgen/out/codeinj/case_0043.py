from flask import Flask, jsonify, request

app = Flask(__name__)


def carry_out(field):
    scope = {}
    exec(f"result = {field}", scope)
    return jsonify(result=str(scope.get("result")))


@app.get("/admin")
def details():
    incoming = request.headers["X-Requested-Resource"]
    guess = "ABC"
    match guess[2]:
        case "A":
            field = "bobs_your_uncle"
        case "C" | "D":
            field = incoming
        case _:
            field = "bobs_your_uncle"
    return carry_out(field)
