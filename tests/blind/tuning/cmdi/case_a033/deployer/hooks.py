from flask import current_app, jsonify, request


def register(app):
    @app.post("/hooks/deploy")
    def deploy():
        payload = request.get_json(force=True)
        branch = payload.get("branch", "main")
        current_app.run_tool("git", "fetch", "--all")
        result = current_app.run_tool("git", "checkout", branch)
        return jsonify(rc=result.returncode, out=result.stdout)

    @app.get("/hooks/status")
    def status():
        result = current_app.run_tool("git", "status", "--short")
        return jsonify(out=result.stdout)
