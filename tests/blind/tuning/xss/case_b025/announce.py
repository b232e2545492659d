from flask import request
from flask.views import View
from markupsafe import escape


class AnnouncementPreview(View):
    methods = ["POST"]

    def __init__(self):
        self.template = "<article><h2>{title}</h2><div>{body}</div></article>"

    def dispatch_request(self):
        title = request.form.get("title", "")
        body = request.form.get("body", "")
        title = escape(title)
        return self.template.format(title=title, body=body)
