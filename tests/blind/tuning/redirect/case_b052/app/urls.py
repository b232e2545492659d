from urllib.parse import urlsplit


def internal_path(url, default="/"):
    if not url or "\\" in url:
        return default
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path.startswith("/") or url.startswith("//"):
        return default
    return url
