from flask import jsonify, request

from .ldaputil import person_filter, search


def init(app):
    @app.route("/people")
    def people():
        email = request.args.get("email", "")
        return jsonify(search(person_filter("mail", email), ["cn", "mail", "title"]))
