"""URL helpers."""
from urllib.parse import urlparse


def is_local_url(target):
    """True for a path on this site ("/orders/7"), False for anything a browser could take off-site."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return False
    parsed = urlparse(target)
    return not parsed.scheme and not parsed.netloc
