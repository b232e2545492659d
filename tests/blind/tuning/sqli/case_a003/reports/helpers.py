import sqlite3

from flask import current_app

__all__ = ["fetch_all", "like_pattern"]


def fetch_all(sql, params=()):
    conn = sqlite3.connect(current_app.config["DB_PATH"])
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def like_pattern(term):
    return "%" + term.strip() + "%"
