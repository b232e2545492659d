import logging
from urllib.parse import urljoin

import requests

log = logging.getLogger(__name__)


class OriginClient:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def url_for(self, path):
        return urljoin(self.base, path)

    def get(self, path):
        url = self.url_for(path)
        log.debug("origin fetch %s", url)
        resp = self.session.get(url, timeout=5, stream=True)
        resp.raise_for_status()
        return resp.headers.get("Content-Type", "application/octet-stream"), resp.raw.read(10_000_000)
