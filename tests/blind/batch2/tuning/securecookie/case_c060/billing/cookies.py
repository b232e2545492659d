from flask import current_app


def set_app_cookie(response, name, value, **overrides):
    options = dict(current_app.config["COOKIE_DEFAULTS"])
    options.update({k: v for k, v in overrides.items() if k in ("max_age", "expires")})
    response.set_cookie(name, value, **options)
    return response
