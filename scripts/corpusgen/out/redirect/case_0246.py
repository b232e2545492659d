from urllib.parse import urlparse

from flask import Flask, redirect, request
from flask.views import MethodView

app = Flask(__name__)


class ResourceView(MethodView):
    def get(self, slug):
        given = request.view_args["slug"]
        if 7 * 6 > 10:
            field = given
        else:
            field = "fixed"
        parts = urlparse(field)
        if parts.netloc == "":
            return redirect("/" + parts.path.lstrip("/\\"))
        return redirect("/")


app.add_url_rule("/export/<slug>", view_func=ResourceView.as_view("inspect"))
