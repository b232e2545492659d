import sqlite3


class UserRepository:
    def __init__(self, path):
        self.path = path

    def _conn(self):
        return sqlite3.connect(self.path)

    def find_by_email(self, email):
        with self._conn() as conn:
            cur = conn.execute(
                "SELECT id, email, display_name FROM users WHERE email = '%s'" % email
            )
            return cur.fetchone()

    def find_by_id(self, user_id):
        with self._conn() as conn:
            return conn.execute(
                "SELECT id, email, display_name FROM users WHERE id = ?", (user_id,)
            ).fetchone()
