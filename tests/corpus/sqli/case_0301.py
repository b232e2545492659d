import os

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import text

from flask import Blueprint, Flask, jsonify, request

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]
api_bp = Blueprint("api", __name__)


def tidy_text(text):
    return text.replace("\t", " ").strip()


app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:////srv/app/data.db"
db = SQLAlchemy(app)


@api_bp.route("/tools", methods=["POST"])
def apply():
    param = request.form["username"]
    target = tidy_text(param)
    result = db.session.execute(text(f"SELECT id FROM accounts WHERE owner = '{target}'"))
    return jsonify(ids=[row[0] for row in result])


app.register_blueprint(api_bp, url_prefix="/api")
