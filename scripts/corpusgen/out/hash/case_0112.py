import hashlib

from flask import Flask, jsonify, request

app = Flask(__name__)


def tidy_text(text):
    return text.replace("\t", " ").strip()


def update_item(slug):
    requested = request.view_args["slug"]
    target = tidy_text(requested)
    algorithms = ["sha256", "md5", "sha512"]
    digest = hashlib.new(algorithms[0], target.encode()).hexdigest()
    return jsonify(password_hash=digest)


app.add_url_rule("/lookup/preview/<slug>", view_func=update_item)
