from flask import session


def remember(key, value):
    bucket = session.get("checkout", {})
    bucket[key] = value
    session["checkout"] = bucket


def recall(key, default=None):
    return session.get("checkout", {}).get(key, default)
