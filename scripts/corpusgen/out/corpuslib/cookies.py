"""Cookie settings shared by endpoints."""

COOKIE_FLAGS = {"secure": True, "httponly": True, "samesite": "Lax"}
