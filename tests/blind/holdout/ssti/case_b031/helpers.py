from flask import render_template_string

BASE = """<!doctype html>
<html><head><title>{{ company }}</title></head>
<body>
%s
<footer>{{ company }}</footer>
</body></html>
"""


def render_page(body, **context):
    return render_template_string(BASE % body, **context)


def money(cents):
    return "%d.%02d" % divmod(int(cents), 100)
