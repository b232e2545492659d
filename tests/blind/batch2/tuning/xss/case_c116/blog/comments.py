import html
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone

_LINK = re.compile(r"https?://\S+")


@dataclass
class Comment:
    author: str
    body: str
    created: datetime = field(default_factory=lambda: datetime.now(timezone.utc))

    @property
    def body_html(self):
        # turn bare URLs into links; everything else is kept as typed
        return _LINK.sub(lambda m: f'<a href="{html.escape(m.group(0))}" rel="nofollow">link</a>', self.body)


class CommentThread:
    def __init__(self):
        self._by_post: dict[int, list[Comment]] = {}

    def add(self, post_id, comment):
        self._by_post.setdefault(post_id, []).append(comment)

    def for_post(self, post_id):
        return list(self._by_post.get(post_id, []))


threads = CommentThread()
