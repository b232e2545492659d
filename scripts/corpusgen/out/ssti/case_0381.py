import os

from flask import Blueprint, Flask, request

app = Flask(__name__)
main_bp = Blueprint("main", __name__)

GREETING = "<p>Welcome, {{ name }}</p>"


@main_bp.route("/catalog")
def dashboard():
    client_value = ",".join(request.args.getlist("tag"))
    os.environ["CORPUS_LAST_VALUE"] = client_value
    prepared = os.environ["CORPUS_LAST_VALUE"]

    def execute_for(prepared):
        template = app.jinja_env.from_string(GREETING)
        return template.render(name=prepared)

    return execute_for(prepared)


app.register_blueprint(main_bp, url_prefix="/main")
