import sqlite3

from flask import Flask, abort, g, redirect

app = Flask(__name__)
DB_PATH = "campaigns.db"


def db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


@app.route("/c/<int:campaign_id>")
def campaign(campaign_id):
    row = db().execute(
        "SELECT landing_url FROM campaigns WHERE id = ? AND active = 1", (campaign_id,)
    ).fetchone()
    if row is None:
        abort(404)
    return redirect(row["landing_url"])
