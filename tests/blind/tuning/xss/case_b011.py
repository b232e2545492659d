from flask import Flask, request
from flask.views import MethodView

app = Flask(__name__)


class DiagnosticsView(MethodView):
    """Shows what the server received, for support tickets."""

    def get(self):
        agent = request.headers.get("User-Agent", "unknown")
        lang = request.accept_languages.best or "n/a"
        rows = [
            ("Browser", agent),
            ("Language", lang),
        ]
        body = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
        return f"<table class='diag'>{body}</table>", 200, {"Content-Type": "text/html"}


app.add_url_rule("/support/diagnostics", view_func=DiagnosticsView.as_view("diagnostics"))
