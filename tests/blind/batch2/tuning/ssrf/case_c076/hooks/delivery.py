import json
import logging

import requests

log = logging.getLogger(__name__)


def deliver(hook, event, payload, timeout):
    body = json.dumps({"event": event, "data": payload})
    try:
        resp = requests.post(hook.url, data=body, headers={"Content-Type": "application/json"}, timeout=timeout)
    except requests.RequestException as exc:
        log.warning("delivery to hook %s failed: %s", hook.id, exc)
        return None, str(exc)
    return resp.status_code, resp.text[:500]
