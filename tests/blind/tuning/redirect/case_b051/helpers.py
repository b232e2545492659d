from flask import redirect, session, url_for


def go_back(target, fallback="index"):
    if not target:
        return redirect(url_for(fallback))
    return redirect(target)


def current_user():
    return session.get("user")
