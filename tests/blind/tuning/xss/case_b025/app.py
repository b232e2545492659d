from flask import Flask

from announce import AnnouncementPreview

app = Flask(__name__)
app.add_url_rule(
    "/announcements/preview",
    view_func=AnnouncementPreview.as_view("announcement_preview"),
    methods=["POST"],
)
