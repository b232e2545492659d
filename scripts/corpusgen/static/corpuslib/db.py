"""Database connection for the SQL endpoints."""
import os
import sqlite3


def connect():
    return sqlite3.connect(os.environ.get("CORPUS_DB", "/srv/app/data.db"))
