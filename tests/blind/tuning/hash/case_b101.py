import hashlib
import sqlite3

from flask import Flask, request

app = Flask(__name__)
conn = sqlite3.connect("users.db", check_same_thread=False)
conn.execute("CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY, pw TEXT)")


@app.route("/register", methods=["POST"])
def register():
    name = request.form["username"]
    pw = request.form["password"]
    digest = hashlib.md5(pw.encode("utf-8")).hexdigest()
    conn.execute("INSERT INTO users (name, pw) VALUES (?, ?)", (name, digest))
    conn.commit()
    return {"registered": name}, 201
