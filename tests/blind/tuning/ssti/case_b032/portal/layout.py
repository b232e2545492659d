from flask import render_template_string

BASE = """<!doctype html>
<html><head><title>{{ company }}</title></head>
<body>
<h1>Invoice</h1>
<p>Total: {{ total }}</p>
<p class="note">{{ note }}</p>
<footer>{{ company }}</footer>
</body></html>
"""


def render_invoice(**context):
    return render_template_string(BASE, **context)
