from flask import session, url_for

RETURN_KEY = "return_to"


def remember_return_to(target):
    if target and target.startswith("/"):
        session[RETURN_KEY] = target


def pop_return_to():
    return session.pop(RETURN_KEY, None) or url_for("main.home")
