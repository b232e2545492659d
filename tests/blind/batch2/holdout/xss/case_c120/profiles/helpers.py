from markupsafe import Markup, escape


def website_link(url: str, label: str | None = None) -> Markup:
    """Render a profile's website as a link; both parts are HTML-escaped."""
    if not url:
        return Markup("")
    return Markup('<a href="{}" rel="nofollow ugc">{}</a>'.format(escape(url), escape(label or url)))


def register_filters(app):
    app.jinja_env.filters["website_link"] = website_link
