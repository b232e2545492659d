import hashlib

MEMBERS = {}


def hash_password(raw: str, salt: str) -> str:
    h = hashlib.new("md5")
    h.update(salt.encode())
    h.update(raw.encode())
    return h.hexdigest()


def save_member(name, pw_hash, salt):
    MEMBERS[name] = {"hash": pw_hash, "salt": salt}
