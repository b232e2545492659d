"""Users live in the `users` table; this is the object views work with."""
from dataclasses import dataclass, fields

from flask import current_app


@dataclass
class User:
    id: int
    username: str
    password_hash: str
    email: str
    display_name: str
    notify: int = 0
    is_admin: int = 0

    @classmethod
    def get(cls, user_id):
        row = current_app.db.first("SELECT * FROM users WHERE id = ?", (user_id,))
        return cls(**dict(row)) if row else None

    @classmethod
    def by_name(cls, username):
        row = current_app.db.first("SELECT * FROM users WHERE username = ?", (username,))
        return cls(**dict(row)) if row else None

    def save(self):
        current_app.db.run(
            "UPDATE users SET username = ?, password_hash = ?, email = ?, display_name = ?, "
            "notify = ?, is_admin = ? WHERE id = ?",
            (self.username, self.password_hash, self.email, self.display_name,
             _flag(self.notify), _flag(self.is_admin), self.id),
        )


def _flag(value):
    return 1 if str(value).strip().lower() in {"1", "true", "yes", "on", "y"} else 0


USER_FIELDS = [f.name for f in fields(User)]
