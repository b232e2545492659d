import subprocess

from flask import Flask, request

from corpuslib.registry import formatter_for
from corpuslib.sanitize import shell_word

app = Flask(__name__)


@app.route("/admin", methods=["POST"])
def export():
    choices = request.form.getlist("choice")
    raw = choices[-1] if choices else "none"
    chosen = formatter_for("label")(raw).render()
    subprocess.run(f"du -sh {shell_word(chosen)}", shell=True, check=False)
    return "measured"
