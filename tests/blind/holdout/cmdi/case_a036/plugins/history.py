import subprocess

from flask import abort, jsonify, request


def register(app):
    @app.route("/history")
    def history():
        try:
            count = int(request.args.get("n", "10"))
        except ValueError:
            abort(400)
        count = max(1, min(count, 500))
        out = subprocess.run(
            ["git", "-C", app.config["REPO"], "log", "--oneline", "-n", str(count)],
            capture_output=True, text=True, check=False,
        )
        return jsonify(lines=out.stdout.splitlines())
