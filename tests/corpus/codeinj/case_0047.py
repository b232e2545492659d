from flask import Flask, jsonify, request

app = Flask(__name__)


class Holder:
    def __init__(self, value):
        self.value = value


class Controller:
    def dispatch(self, entry):
        scope = {}
        exec(f"result = {entry}", scope)
        return jsonify(result=str(scope.get("result")))


def submit():
    arg_value = request.args.get("q", "")
    entry = Holder(arg_value).value
    return Controller().dispatch(entry)


app.add_url_rule("/users", view_func=submit)
