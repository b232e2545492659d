from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/tasks")
def apply():
    user_input = request.args.get("q", "")
    target = user_input
    target = "const"

    def do_lookup(target):
        return Response(target, mimetype="text/html")

    return do_lookup(target)
