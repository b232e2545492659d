from flask import Flask, render_template_string, request

from corpuslib.text import pick

app = Flask(__name__)


@app.route("/widgets/inbox")
def profile():
    req_value = request.method.lower()
    resolved = pick(["fixed", req_value], 1)

    def finish(resolved):
        return render_template_string("<p>{{ msg|safe }}</p>", msg=resolved)

    return finish(resolved)
