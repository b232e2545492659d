import io

from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.route("/widgets/export")
def fetch_page():
    arg_value = request.host
    with io.StringIO() as buffer:
        buffer.write(arg_value)
        subject = buffer.getvalue()
    context = {"comment": subject, "author": "staff"}
    return render_template_string("<blockquote>{{ comment }}</blockquote><cite>{{ author }}</cite>", **context)
