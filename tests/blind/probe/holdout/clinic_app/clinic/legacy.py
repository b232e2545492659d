"""The old opening-hours export, still a bare WSGI callable mounted under /legacy."""
from urllib.parse import parse_qs

HOURS_CSV = "day,opens,closes\nMon,08:00,18:00\nTue,08:00,18:00\nWed,08:00,13:00\nThu,08:00,18:00\nFri,08:00,16:00\n"


def opening_hours_app(environ, start_response):
    if environ.get("PATH_INFO") != "/hours.csv":
        body = b"not found\n"
        start_response("404 Not Found", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
        return [body]
    params = parse_qs(environ.get("QUERY_STRING", ""))
    name = params.get("filename", ["opening-hours"])[0]
    name = name.encode("latin-1", "replace").decode("latin-1")
    body = HOURS_CSV.encode()
    start_response("200 OK", [
        ("Content-Type", "text/csv; charset=utf-8"),
        ("Content-Disposition", 'attachment; filename="%s.csv"' % name),
        ("Content-Length", str(len(body))),
    ])
    return [body]
