import os
import sqlite3
import subprocess

from flask import Blueprint, Flask, make_response, redirect, render_template_string, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = "dev"
bp = Blueprint("bp", __name__, url_prefix="/bp")


@bp.route("/run", methods=["POST"])
def run():
    cmd = request.form.get("cmd", "")
    return subprocess.check_output(cmd, shell=True)  # flaskguard: ignore[FG101] justified


@app.route("/q/<int:id>")
def q(id):
    name = request.args.get("name")
    db = sqlite3.connect("x.db")
    rows = db.execute(f"SELECT * FROM t WHERE name = '{name}' AND id = {id}").fetchall()
    session["last"] = name
    resp = make_response(render_template_string("<p>" + name + "</p>", rows=rows))
    resp.set_cookie("n", name, secure=False)
    return resp if rows else redirect(request.args["next"])


app.register_blueprint(bp)
if __name__ == "__main__":
    app.run(debug=True, host="0.0.0.0")
