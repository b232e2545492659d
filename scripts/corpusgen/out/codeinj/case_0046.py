from flask import Flask, jsonify, request

app = Flask(__name__)


def browse():
    arg_value = request.user_agent.string
    options = {}
    options["current"] = arg_value
    bar = options.get("current", "")
    total = eval("100 * " + bar)
    return jsonify(total=total)


app.add_url_rule("/export", view_func=browse)
