from dataclasses import dataclass, field
from datetime import datetime, timezone


@dataclass
class Comment:
    author: str
    body: str
    created: datetime = field(default_factory=lambda: datetime.now(timezone.utc))


class CommentThread:
    def __init__(self):
        self._by_post: dict[int, list[Comment]] = {}

    def add(self, post_id, comment):
        self._by_post.setdefault(post_id, []).append(comment)

    def for_post(self, post_id):
        return list(self._by_post.get(post_id, []))


threads = CommentThread()
