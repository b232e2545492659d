from urllib.parse import urlsplit

import requests


class DisallowedURL(ValueError):
    pass


def check_url(url: str, allowed_hosts) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https":
        raise DisallowedURL("https required")
    if parts.username or parts.password or parts.port not in (None, 443):
        raise DisallowedURL("credentials/ports not allowed")
    if (parts.hostname or "").lower() not in allowed_hosts:
        raise DisallowedURL("host not allowed")
    return url


def download_feed(url: str, allowed_hosts) -> bytes:
    resp = requests.get(check_url(url, allowed_hosts), timeout=10, allow_redirects=False)
    resp.raise_for_status()
    return resp.content[:5_000_000]
