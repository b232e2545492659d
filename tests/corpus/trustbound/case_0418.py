import configparser
import html
import os

from flask import Blueprint, Flask, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
frontend_bp = Blueprint("frontend", __name__)


@frontend_bp.route("/search")
def render_page():
    given = request.args["term"]
    conf = configparser.RawConfigParser()
    conf.add_section("section1")
    conf.set("section1", "keyA", "a_value")
    conf.set("section1", "keyB", given)
    prepared = conf.get("section1", "keyB")
    session["display_name"] = html.escape(prepared)
    return "ok"


app.register_blueprint(frontend_bp, url_prefix="/frontend")
