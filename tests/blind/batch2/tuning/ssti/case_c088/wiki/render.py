from flask import render_template_string

from .sanitize import strip_template_syntax

PAGE_SHELL = """<article><h1>{title}</h1><div class="body">{body}</div>
<footer>Last edited by {{{{ editor }}}}</footer></article>"""


def render_page(title: str, body: str, editor: str) -> str:
    source = PAGE_SHELL.format(title=strip_template_syntax(title), body=strip_template_syntax(body))
    return render_template_string(source, editor=editor)
