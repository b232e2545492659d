import sqlite3
import threading
import time


class Database:
    """One in-memory sqlite connection, serialised with a lock."""

    def __init__(self, budget_seconds=5):
        self._conn = sqlite3.connect(":memory:", check_same_thread=False)
        self._conn.row_factory = sqlite3.Row
        self._conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 500_000_000)
        self._budget = budget_seconds
        self._deadline = 0.0
        self._conn.set_progress_handler(lambda: int(time.monotonic() > self._deadline), 10_000)
        self._lock = threading.Lock()

    def all(self, sql, params=()):
        with self._lock:
            self._deadline = time.monotonic() + self._budget
            return self._conn.execute(sql, params).fetchall()

    def first(self, sql, params=()):
        rows = self.all(sql, params)
        return rows[0] if rows else None

    def run(self, sql, params=()):
        with self._lock:
            self._deadline = time.monotonic() + self._budget
            cur = self._conn.execute(sql, params)
            self._conn.commit()
            return cur.lastrowid
