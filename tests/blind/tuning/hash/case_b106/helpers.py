import hashlib

MEMBERS = {}


def hash_password(raw: str, salt: bytes, digest: str, rounds: int) -> str:
    return hashlib.pbkdf2_hmac(digest, raw.encode(), salt, rounds).hex()


def save_member(name, pw_hash, salt):
    MEMBERS[name] = {"hash": pw_hash, "salt": salt.hex()}
