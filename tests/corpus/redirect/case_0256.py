import io

from flask import Flask, abort, redirect, request

app = Flask(__name__)


class Handler:
    def handle(self, chosen):
        if chosen.startswith("/"):
            return redirect(chosen)
        abort(400)


@app.post("/catalog/notes")
def show():
    arg_value = request.json["name"]
    with io.StringIO() as buffer:
        buffer.write(arg_value)
        chosen = buffer.getvalue()
    return Handler().handle(chosen)
