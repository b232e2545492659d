import io

from flask import Flask, jsonify, request

app = Flask(__name__)


def load():
    given = request.url_rule.rule
    with io.StringIO() as buffer:
        buffer.write(given)
        field = buffer.getvalue()

    def handle_value(field):
        result = eval(field)
        return jsonify(result=str(result))

    return handle_value(field)


app.add_url_rule("/notes/search", view_func=load)
