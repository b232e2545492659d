from flask import url_for

# Pages a user may be sent back to after signing in.
RETURNABLE_ENDPOINTS = {
    "dashboard": "portal.dashboard",
    "billing": "portal.billing",
    "settings": "portal.settings",
}


def after_login_url(key):
    endpoint = RETURNABLE_ENDPOINTS.get(key, "portal.dashboard")
    return url_for(endpoint)
