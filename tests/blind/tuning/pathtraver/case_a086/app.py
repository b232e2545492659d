import importlib

from flask import Flask

app = Flask(__name__)
app.config["MEDIA_ROOT"] = "/srv/media"

for mod in ("media.library", "media.cleanup"):
    importlib.import_module(mod).init(app)
