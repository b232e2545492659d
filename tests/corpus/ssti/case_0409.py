from flask import Flask, render_template, request
from flask.views import MethodView

app = Flask(__name__, template_folder="../templates")


class ResourceView(MethodView):
    def post(self):
        arg_value = request.stream.read().decode("utf-8")
        pieces = []
        for piece in arg_value.split(","):
            pieces.append(piece)
        prepared = ",".join(pieces)
        return render_template("greeting.html", name=prepared)


app.add_url_rule("/widgets/account", view_func=ResourceView.as_view("profile"))
