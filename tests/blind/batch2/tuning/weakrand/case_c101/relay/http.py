import logging
import random
import time

import requests

log = logging.getLogger(__name__)


def backoff_delays(retries, base=0.2, cap=5.0):
    for attempt in range(retries):
        yield min(cap, base * 2**attempt) * random.uniform(0.5, 1.5)


def post_with_retry(url, json, retries):
    last_exc = None
    for delay in backoff_delays(retries):
        try:
            resp = requests.post(url, json=json, timeout=5)
            if resp.status_code < 500:
                return resp
        except requests.RequestException as exc:
            last_exc = exc
        log.info("retrying %s in %.2fs", url, delay)
        time.sleep(delay)
    raise RuntimeError("upstream unavailable") from last_exc
