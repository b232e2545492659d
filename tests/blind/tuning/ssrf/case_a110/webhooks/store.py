SUBSCRIPTIONS = {}


def add(owner, url, events):
    SUBSCRIPTIONS.setdefault(owner, []).append({"url": url, "events": list(events)})
    return SUBSCRIPTIONS[owner][-1]
