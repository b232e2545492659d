import re

_EXPR = re.compile(r"\{\{.*?\}\}", re.S)


def strip_template_syntax(text: str) -> str:
    """Remove anything that looks like a Jinja expression from user text."""
    return _EXPR.sub("", text)
