from flask import Flask

from views.browse import FolderListing

app = Flask(__name__)
app.config.from_mapping(
    FOLDERS={
        "reports": "/srv/share/reports",
        "images": "/srv/share/images",
        "public": "/srv/share/public",
    }
)
app.add_url_rule("/browse/<folder>", view_func=FolderListing.as_view("browse"))
