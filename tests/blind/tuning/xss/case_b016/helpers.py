from markupsafe import escape

__all__ = ["render_card", "wrap_page"]


def render_card(title, body):
    return (
        "<div class='card'>"
        f"<h3>{escape(title)}</h3>"
        f"<p>{escape(body)}</p>"
        "</div>"
    )


def wrap_page(inner):
    return f"<!doctype html><html><body>{inner}</body></html>"
