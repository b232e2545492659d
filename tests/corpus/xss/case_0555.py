import urllib.parse

from markupsafe import escape

from flask import Flask, request
from flask.views import MethodView

app = Flask(__name__)


def respond_with(entry):
    items = "".join(f"<li>{escape(part)}</li>" for part in entry.split(","))
    return "<ul>" + items + "</ul>"


class ResourceView(MethodView):
    def get(self):
        parsed_qs = urllib.parse.parse_qs(request.query_string.decode())
        req_value = parsed_qs.get("id", [""])[0]
        guess = "ABC"
        match guess[2]:
            case "A":
                entry = "bobs_your_uncle"
            case "C" | "D":
                entry = req_value
            case _:
                entry = "bobs_your_uncle"
        return respond_with(entry)


app.add_url_rule("/status", view_func=ResourceView.as_view("update_item"))
