from flask import Flask

from library import api

app = Flask(__name__)
app.config["CATALOG_XML"] = "data/catalog.xml"
api.init(app)
