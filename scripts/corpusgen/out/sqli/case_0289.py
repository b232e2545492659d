import os

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import text

from flask import Flask, jsonify, request
from flask.views import MethodView

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]

app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:////srv/app/data.db"
db = SQLAlchemy(app)


class RecordEndpoint(MethodView):
    def post(self):
        payload = request.get_json(silent=True) or {}
        supplied = str(payload.get("value", ""))
        subject = f"{supplied}"
        result = db.session.execute(text("SELECT id FROM accounts WHERE owner = :owner"), {"owner": subject})
        return jsonify(ids=[row[0] for row in result])


app.add_url_rule("/profile/users", view_func=RecordEndpoint.as_view("render_page"))
