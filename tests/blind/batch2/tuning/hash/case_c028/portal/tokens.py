"""Password reset tokens: random secret to the user, SHA-256 of it at rest."""
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass


@dataclass
class ResetRecord:
    email: str
    token_digest: str
    expires_at: float


_records: dict[str, ResetRecord] = {}


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue(email: str, ttl: int) -> str:
    token = secrets.token_urlsafe(32)
    _records[email] = ResetRecord(email, _digest(token), time.time() + ttl)
    return token


def redeem(email: str, token: str) -> bool:
    rec = _records.pop(email, None)
    if rec is None or rec.expires_at < time.time():
        return False
    return hmac.compare_digest(rec.token_digest, _digest(token))
