from flask import current_app, jsonify, request


def register(app):
    @app.route("/people/search")
    def people_search():
        criteria = request.args.to_dict()
        if not criteria:
            return jsonify([])
        return jsonify(current_app.directory.find(**criteria))
