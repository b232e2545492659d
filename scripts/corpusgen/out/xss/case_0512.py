from markupsafe import escape

from flask import Flask

app = Flask(__name__)


class Backend:
    def call(self, field):
        return f"<p>Hello {escape(field)}</p>"


@app.route("/tasks/<path:supplied>")
def submit(supplied):
    field = supplied.strip()
    return Backend().call(field)
