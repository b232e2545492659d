from flask import Flask

import partners

app = Flask(__name__)
app.config.from_object("settings.Production")
app.register_blueprint(partners.bp)
