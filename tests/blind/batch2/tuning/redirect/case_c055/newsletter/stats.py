import collections
import logging

log = logging.getLogger(__name__)
_clicks = collections.Counter()


def record_click(source, url):
    _clicks[(source, url)] += 1
    log.info("click source=%s url=%s", source, url)
