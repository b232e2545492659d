from .core import DeployApp


def create_app():
    app = DeployApp("deployer")
    app.config["REPO_DIR"] = "/srv/site"
    from . import hooks

    hooks.register(app)
    return app
