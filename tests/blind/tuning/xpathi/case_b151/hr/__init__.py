from flask import Flask
from lxml import etree

from .views import DirectorySearch


class HRApp(Flask):
    def load_directory(self):
        self.directory = etree.parse(self.config["DIRECTORY_FILE"])


def create_app():
    app = HRApp(__name__)
    app.config["DIRECTORY_FILE"] = "directory.xml"
    app.load_directory()
    app.add_url_rule("/directory/search", view_func=DirectorySearch.as_view("directory_search"))
    return app
