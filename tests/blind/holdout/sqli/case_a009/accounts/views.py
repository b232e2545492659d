from flask import current_app, jsonify, request


def lookup_user():
    email = (request.form.get("email") or "").lower()
    if not email:
        return current_app.json_error("email required")
    row = current_app.users.find_by_email(email)
    if row is None:
        return current_app.json_error("not found", 404)
    return jsonify(id=row[0], email=row[1], name=row[2])
