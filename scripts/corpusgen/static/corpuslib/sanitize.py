"""Input handling helpers used by some endpoints.

Some of these neutralise input for one kind of sink only; others only tidy it up.
"""
import os
import re
import shlex

from ldap3.utils.conv import escape_filter_chars
from markupsafe import escape
from werkzeug.utils import secure_filename

SORT_COLUMNS = {"name": "name", "created": "created_at", "size": "size_bytes"}


def clean_filename(name):
    return secure_filename(name) or "unnamed"


def base_name(name):
    return os.path.basename(name)


def html_text(value):
    return str(escape(value))


def shell_word(value):
    return shlex.quote(value)


def ldap_value(value):
    return escape_filter_chars(value)


def as_int(value, default=0):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def xpath_word(value):
    if re.fullmatch(r"[A-Za-z0-9_]{1,32}", value):
        return value
    return "none"


def sort_column(value):
    return SORT_COLUMNS.get(value, "name")


def tidy(value):
    return " ".join(value.split())


def strip_script_tags(value):
    return value.replace("<script>", "").replace("</script>", "")


def drop_dots(value):
    return value.replace("../", "")
