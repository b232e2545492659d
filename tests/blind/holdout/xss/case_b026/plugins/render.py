from markupsafe import escape


def page(template, **parts):
    cleaned = {key: escape(value) for key, value in parts.items()}
    return template.format(**cleaned)
