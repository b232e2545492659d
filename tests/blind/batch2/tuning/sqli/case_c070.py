"""Leaderboard endpoint; numeric inputs are cast before reaching SQL."""
import os
import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)
DB_PATH = os.environ.get("GAME_DB", "game.db")
MAX_LIMIT = 100


def clamp_int(raw, default, lo, hi):
    try:
        value = int(raw)
    except (TypeError, ValueError):
        return default
    return max(lo, min(value, hi))


@app.route("/leaderboard/<int:season>")
def leaderboard(season):
    limit = clamp_int(request.args.get("limit"), 10, 1, MAX_LIMIT)
    offset = clamp_int(request.args.get("offset"), 0, 0, 10_000)
    sql = (
        "SELECT player, score FROM scores WHERE season = %d "
        "ORDER BY score DESC LIMIT %d OFFSET %d" % (season, limit, offset)
    )
    with sqlite3.connect(DB_PATH) as conn:
        rows = conn.execute(sql).fetchall()
    return jsonify([{"player": p, "score": s} for p, s in rows])
