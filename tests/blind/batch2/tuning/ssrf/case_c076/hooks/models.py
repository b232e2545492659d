import itertools
from dataclasses import dataclass, field
from urllib.parse import urlparse


class InvalidWebhook(ValueError):
    pass


@dataclass
class Webhook:
    url: str
    events: list = field(default_factory=lambda: ["*"])
    id: int = 0

    def __post_init__(self):
        if urlparse(self.url).scheme != "https":
            raise InvalidWebhook("webhooks must use https")


class WebhookRegistry:
    _ids = itertools.count(1)

    def __init__(self):
        self.hooks: dict[int, Webhook] = {}

    def add(self, hook: Webhook) -> Webhook:
        hook.id = next(self._ids)
        self.hooks[hook.id] = hook
        return hook

    def get(self, hook_id: int) -> Webhook | None:
        return self.hooks.get(hook_id)


registry = WebhookRegistry()
