from flask import Flask

from documents import DocumentView

app = Flask(__name__)
app.secret_key = "docs"
app.add_url_rule("/documents/open", view_func=DocumentView.as_view("open_document"))
