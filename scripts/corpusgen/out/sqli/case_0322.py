from sqlalchemy import create_engine
from sqlalchemy import text as sql_text

from flask import Blueprint, Flask, request

app = Flask(__name__)
main_bp = Blueprint("main", __name__)


class Holder:
    def __init__(self, value):
        self.value = value


engine = create_engine("sqlite:////srv/app/data.db")


def carry_out(chosen):
    with engine.begin() as connection:
        connection.execute(sql_text("UPDATE prefs SET value = '" + chosen + "' WHERE key = 'motd'"))
    return "saved"


@main_bp.route("/account/<slug>")
def submit(slug):
    client_value = request.view_args["slug"]
    chosen = Holder(client_value).value
    return carry_out(chosen)


app.register_blueprint(main_bp, url_prefix="/main")
