"""Small text utilities."""

KNOWN_NAMES = {"alice": "Alice Adams", "bob": "Bob Brown", "carol": "Carol Chen"}


def normalize(value):
    return value.strip()


def known_name(value):
    return KNOWN_NAMES.get(value, "guest")


def pick(values, index):
    return values[index]


class Box:
    def __init__(self, content):
        self._content = content

    def unwrap(self):
        return self._content
