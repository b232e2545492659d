from flask import current_app, jsonify, request, session


def answer():
    current_app.stash(**request.form.to_dict())
    return jsonify(stored=len(request.form))


def progress():
    return jsonify(step=session.get("step", 0), done=session.get("done", False))
