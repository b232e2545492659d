from flask import abort, jsonify, request


def register_views(app):
    def issue():
        owner = request.form.get("owner", "")
        if not owner:
            abort(400)
        return jsonify(token=app.issue_token(owner)), 201

    def whoami():
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        owner = app.owner_of(token)
        if owner is None:
            abort(401)
        return jsonify(owner=owner)

    app.add_url_rule("/tokens", "issue", issue, methods=["POST"])
    app.add_url_rule("/whoami", "whoami", whoami)
