from flask import Flask, Response, request

app = Flask(__name__)


def lookup():
    choices = request.form.getlist("choice")
    arg_value = choices[-1] if choices else "none"
    num = 106
    bar = arg_value if (7 * 18) + num > 200 else "fixed_value"
    return Response("<div>%s</div>" % bar)


app.add_url_rule("/hooks", view_func=lookup, methods=["POST"])
