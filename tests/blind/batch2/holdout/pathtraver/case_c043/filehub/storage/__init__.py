from .local import LocalStorage


def init_storage(app):
    app.extensions["storage"] = LocalStorage(app.config["STORAGE_ROOT"])
