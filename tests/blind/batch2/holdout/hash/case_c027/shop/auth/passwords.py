"""Password helpers shared by the web app and the CLI."""
import hashlib
import hmac
import os

SALT_BYTES = 16


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(SALT_BYTES)
    digest = hashlib.sha1(salt + password.encode("utf-8")).hexdigest()
    return f"{salt.hex()}${digest}"


def verify_password(password: str, stored: str) -> bool:
    salt_hex, _, digest = stored.partition("$")
    candidate = hash_password(password, bytes.fromhex(salt_hex))
    return hmac.compare_digest(candidate.partition("$")[2], digest)
