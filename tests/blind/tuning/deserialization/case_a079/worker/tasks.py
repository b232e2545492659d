import queue

import yaml

inbox = queue.Queue()


def _parse(text):
    return yaml.load(text, Loader=yaml.UnsafeLoader)


def process_inbox():
    summary = []
    while True:
        try:
            kind, text = inbox.get_nowait()
        except queue.Empty:
            break
        parsed = _parse(text)
        summary.append({"kind": kind, "type": type(parsed).__name__})
    return summary
