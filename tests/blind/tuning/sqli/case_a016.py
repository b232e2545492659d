import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)
EDITABLE = {"display_name", "bio", "location", "website"}


@app.route("/profiles/<int:user_id>", methods=["PATCH"])
def patch_profile(user_id):
    body = request.get_json(silent=True) or {}
    changes = {k: v for k, v in body.items() if k in EDITABLE}
    if not changes:
        return jsonify(error="nothing to update"), 400
    assignments = ", ".join(f"{column} = ?" for column in changes)
    conn = sqlite3.connect("profiles.db")
    with conn:
        conn.execute(
            f"UPDATE profiles SET {assignments} WHERE user_id = ?",
            [*changes.values(), user_id],
        )
    conn.close()
    return jsonify(updated=sorted(changes))
