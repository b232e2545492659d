import requests

from flask import Flask, abort, jsonify, request
from flask.views import MethodView

app = Flask(__name__)


class Handler:
    def handle(self, prepared):
        match prepared:
            case "eu":
                endpoint = "https://eu.api.example.com/ping"
            case "us":
                endpoint = "https://us.api.example.com/ping"
            case _:
                abort(400)
        return jsonify(status=requests.get(endpoint, timeout=5).status_code)


class EntryAPI(MethodView):
    def post(self):
        upload = request.files["document"]
        supplied = upload.filename or ""

        def current():
            return supplied

        prepared = current()
        return Handler().handle(prepared)


app.add_url_rule("/media", view_func=EntryAPI.as_view("api_entry"))
