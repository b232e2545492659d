"""Health/maintenance endpoints. Commands come from configuration only."""
import os
import subprocess

from flask import Flask, current_app, jsonify, request

MAINTENANCE_COMMANDS = {
    "disk": "df -h / | tail -n 1",
    "load": "uptime",
    "queue": "redis-cli llen jobs",
}


def create_app():
    app = Flask(__name__)
    app.config["MAINTENANCE_COMMANDS"] = MAINTENANCE_COMMANDS
    app.config["CHECK_TIMEOUT"] = int(os.environ.get("CHECK_TIMEOUT", "5"))

    @app.route("/maintenance/check")
    def check():
        name = request.args.get("name", "load")
        cmd = current_app.config["MAINTENANCE_COMMANDS"].get(name)
        if cmd is None:
            return jsonify(error=f"unknown check", known=sorted(MAINTENANCE_COMMANDS)), 404
        out = subprocess.check_output(
            cmd, shell=True, text=True, timeout=current_app.config["CHECK_TIMEOUT"]
        )
        return jsonify(check=name, output=out.strip())

    return app


app = create_app()
