"""A tiny wrapper around one in-memory sqlite connection shared by all threads."""
import sqlite3
import threading
import time

QUERY_BUDGET_SECONDS = 5


class Database:
    def __init__(self):
        self._conn = sqlite3.connect(":memory:", check_same_thread=False)
        self._conn.row_factory = sqlite3.Row
        # keep runaway queries (recursive CTEs, huge blobs) from wedging the server
        self._conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 500_000_000)
        self._deadline = 0.0
        self._conn.set_progress_handler(self._over_budget, 10_000)
        self._lock = threading.Lock()

    def _over_budget(self):
        return 1 if time.monotonic() > self._deadline else 0

    def query(self, sql, params=()):
        with self._lock:
            self._deadline = time.monotonic() + QUERY_BUDGET_SECONDS
            return self._conn.execute(sql, params).fetchall()

    def one(self, sql, params=()):
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def execute(self, sql, params=()):
        with self._lock:
            self._deadline = time.monotonic() + QUERY_BUDGET_SECONDS
            cur = self._conn.execute(sql, params)
            self._conn.commit()
            return cur.lastrowid
