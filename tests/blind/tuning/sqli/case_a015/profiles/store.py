import sqlite3

from flask import current_app


def update_profile(user_id, changes):
    assignments = ", ".join(f"{column} = ?" for column in changes)
    sql = f"UPDATE profiles SET {assignments} WHERE user_id = ?"
    conn = sqlite3.connect(current_app.config["DB_PATH"])
    with conn:
        conn.execute(sql, [*changes.values(), user_id])
    conn.close()
