import sqlite3

from flask import Flask, abort, jsonify, request

app = Flask(__name__, instance_relative_config=True)
app.config.from_pyfile("queries.py")


def run(sql):
    conn = sqlite3.connect(app.config["DB_FILE"])
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@app.route("/teams/<team_id>/members")
def team_members(team_id):
    try:
        tid = int(team_id)
    except ValueError:
        abort(404)
    limit = min(request.args.get("limit", 50, type=int), 200)
    sql = app.config["MEMBERS_SQL"].format(team=tid, limit=limit)
    return jsonify(run(sql))


@app.route("/teams")
def teams():
    return jsonify(run(app.config["TEAMS_SQL"]))
