"""In-memory sqlite database, seeded records and the clinic's files."""
import os
import secrets
import sqlite3
import threading
import time

from werkzeug.security import check_password_hash, generate_password_hash


class Database:
    def __init__(self):
        self._conn = sqlite3.connect(":memory:", check_same_thread=False)
        self._conn.row_factory = sqlite3.Row
        self._conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 1_000_000)
        self._lock = threading.Lock()
        self._deadline = 0.0
        self._conn.set_progress_handler(lambda: int(time.monotonic() > self._deadline), 10_000)

    def query(self, sql, params=()):
        with self._lock:
            self._deadline = time.monotonic() + 2.0
            return [dict(r) for r in self._conn.execute(sql, params).fetchall()]

    def one(self, sql, params=()):
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def run(self, sql, params=()):
        with self._lock:
            self._deadline = time.monotonic() + 2.0
            cur = self._conn.execute(sql, params)
            self._conn.commit()
            return cur.lastrowid


db = Database()

# bearer tokens (API) and remember-me tokens (web): token -> user id
api_tokens = {}
remember_tokens = {}
_token_lock = threading.Lock()

USERS = [
    # username, password, full name, role, email, phone
    ("drsmith", "Stethoscope!42", "Dr. Alice Smith", "doctor", "smith@riverside.test", "555-0101"),
    ("nurse.jones", "Bandage#2024", "Sam Jones", "nurse", "jones@riverside.test", "555-0102"),
    ("admin", "admin", "Setup Administrator", "admin", "it@riverside.test", "555-0100"),
]

PATIENTS = [
    ("Maria Garcia", "1980-04-12", "drsmith", "Hypertension"),
    ("Tom Becker", "1975-09-30", "drsmith", "Type 2 diabetes"),
    ("Lena Park", "1992-01-05", "drsmith", "Asthma"),
    ("Omar Haddad", "1968-07-21", "nurse.jones", "Post-operative wound care"),
    ("Grace Liu", "2001-11-11", "nurse.jones", "Allergy follow-up"),
]


def init_app(app):
    for stmt in (
        "CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT UNIQUE, pw_hash TEXT, "
        "full_name TEXT, role TEXT, email TEXT, phone TEXT)",
        "CREATE TABLE patients (id INTEGER PRIMARY KEY, name TEXT, dob TEXT, clinician TEXT, diagnosis TEXT)",
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, patient_id INTEGER, author TEXT, body TEXT)",
        "CREATE TABLE appointments (id INTEGER PRIMARY KEY, patient_id INTEGER, clinician TEXT, "
        "starts_at TEXT, status TEXT)",
    ):
        db.run(stmt)
    for username, password, full_name, role, email, phone in USERS:
        db.run(
            "INSERT INTO users (username, pw_hash, full_name, role, email, phone) VALUES (?, ?, ?, ?, ?, ?)",
            (username, generate_password_hash(password, method="pbkdf2:sha256:20000"),
             full_name, role, email, phone),
        )
    for row in PATIENTS:
        db.run("INSERT INTO patients (name, dob, clinician, diagnosis) VALUES (?, ?, ?, ?)", row)
    for row in [
        (1, "drsmith", "Blood pressure 150/95, recheck in 4 weeks."),
        (4, "nurse.jones", "Dressing changed, wound clean."),
    ]:
        db.run("INSERT INTO notes (patient_id, author, body) VALUES (?, ?, ?)", row)
    for row in [
        (1, "drsmith", "2026-12-14 09:00", "booked"),
        (2, "drsmith", "2026-12-14 09:30", "booked"),
        (3, "drsmith", "2026-11-02 10:00", "done"),
        (4, "nurse.jones", "2026-12-15 14:00", "booked"),
        (5, "nurse.jones", "2026-12-01 11:00", "cancelled"),
    ]:
        db.run("INSERT INTO appointments (patient_id, clinician, starts_at, status) VALUES (?, ?, ?, ?)", row)

    work = app.config["WORK_DIR"]
    files = {
        "attachments/1/ecg-2026-10.txt": "ECG 2026-10: sinus rhythm, 72 bpm.\n",
        "attachments/2/hba1c.txt": "HbA1c 7.1 %\n",
        "attachments/4/wound-photo-notes.txt": "Wound 2 cm, no signs of infection.\n",
        "reports/monthly-2026-11.txt": "November 2026: 212 visits, 3 no-shows.\n",
        "reports/monthly-2026-10.txt": "October 2026: 198 visits, 5 no-shows.\n",
        "config/clinic.ini": "[database]\nuser = clinic\npassword = CLINIC-DB-SECRET-93e1\n",
    }
    for rel, body in files.items():
        path = os.path.join(work, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as fh:
            fh.write(body)


def user_by_id(uid):
    return db.one("SELECT id, username, full_name, role, email, phone FROM users WHERE id = ?", (uid,))


def authenticate(username, password):
    row = db.one("SELECT * FROM users WHERE username = ?", (username or "",))
    if row and check_password_hash(row["pw_hash"], password or ""):
        return user_by_id(row["id"])
    return None


def issue_token(store, uid):
    token = secrets.token_urlsafe(24)
    with _token_lock:
        store[token] = uid
    return token


def resolve_token(store, token):
    with _token_lock:
        uid = store.get(token or "")
    return user_by_id(uid) if uid else None
