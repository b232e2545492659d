import psycopg2
from flask import current_app


def query(sql, args=None):
    conn = psycopg2.connect(current_app.config["PG_DSN"])
    try:
        with conn.cursor() as cur:
            cur.execute(sql, args)
            return cur.fetchall()
    finally:
        conn.close()
