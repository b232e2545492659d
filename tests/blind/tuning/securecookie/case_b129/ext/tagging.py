import functools
import secrets

from flask import make_response, request


def with_device_cookie(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        resp = make_response(view(*args, **kwargs))
        if "device_id" not in request.cookies:
            resp.set_cookie("device_id", secrets.token_hex(12), max_age=365 * 86400,
                            httponly=True, samesite="Lax")
        return resp
    return wrapper
