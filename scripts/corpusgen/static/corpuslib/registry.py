"""Formatter classes, chosen by name from the [handlers] section of corpus.ini."""
from corpuslib.settings import load_settings


class Formatter:
    def __init__(self, raw):
        self.raw = raw

    def render(self):
        raise NotImplementedError


class FixedTitle(Formatter):
    def render(self):
        return "Quarterly report"


class EchoLabel(Formatter):
    def render(self):
        return self.raw


class StrippedLabel(Formatter):
    def render(self):
        return self.raw.strip()


FORMATTERS = {cls.__name__: cls for cls in (FixedTitle, EchoLabel, StrippedLabel)}


def formatter_for(key):
    name = load_settings().get("handlers", key)
    return FORMATTERS[name]
