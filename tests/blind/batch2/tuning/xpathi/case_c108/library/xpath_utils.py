def quote_literal(value: str) -> str:
    """Make *value* safe to embed in an XPath string literal."""
    return value.replace('"', "&quot;")
