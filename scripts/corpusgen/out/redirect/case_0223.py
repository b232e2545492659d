from flask import Blueprint, Flask, abort, redirect, request

app = Flask(__name__)
console_bp = Blueprint("console", __name__)


class TextOps:
    def keep(self, text):
        return text

    def blank(self, text):
        return "placeholder"


class Controller:
    def dispatch(self, selected):
        if selected.startswith("/"):
            return redirect(selected)
        abort(400)


@console_bp.route("/status/widgets")
def dashboard():
    client_value = request.method.lower()
    selected = getattr(TextOps(), "keep")(client_value)
    return Controller().dispatch(selected)


app.register_blueprint(console_bp, url_prefix="/console")
