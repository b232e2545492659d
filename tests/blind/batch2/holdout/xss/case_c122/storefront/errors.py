import logging

from flask import g

log = logging.getLogger(__name__)

ERROR_PAGE = """<!doctype html>
<title>{code}</title>
<h1>{title}</h1>
<p>{detail}</p>
<a href="/">Back to the shop</a>"""


class InvalidFilter(Exception):
    code = 400


def register_error_handlers(app):
    @app.errorhandler(InvalidFilter)
    def invalid_filter(exc):
        detail = f"The filter value <code>{g.get('bad_value', '')}</code> is not valid for {exc.args[0]}."
        log.info("invalid filter: %s", detail)
        return ERROR_PAGE.format(code=400, title="Invalid filter", detail=detail), 400
