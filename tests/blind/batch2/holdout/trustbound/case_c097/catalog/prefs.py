from flask import current_app, session

SORT_KEYS = {"relevance", "price_asc", "price_desc", "newest"}


def set_page_size(raw) -> int:
    try:
        size = int(raw)
    except (TypeError, ValueError):
        size = 25
    if size not in current_app.config["PAGE_SIZES"]:
        size = 25
    session["page_size"] = size
    return size


def set_sort(raw) -> str:
    sort = raw if raw in SORT_KEYS else "relevance"
    session["sort"] = sort
    return sort
