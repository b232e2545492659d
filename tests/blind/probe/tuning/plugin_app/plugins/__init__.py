"""Plugins are loaded in this order by `create_app()`."""
ENABLED = ["catalog", "members", "api", "docs", "tools", "cards", "links", "i18n"]
