from flask import Flask

from plugins import feedback

app = Flask(__name__)
app.config.from_mapping(FEEDBACK_INBOX="support@example.com")
feedback.init_app(app)
