import logging

from sqlalchemy import text

from .extensions import db

log = logging.getLogger(__name__)

BAD_SORT_CHARS = (";", "--", "/*")


class ProductRepository:
    page_size = 25

    def list(self, category_id: int, sort: str = "name", page: int = 1):
        if any(tok in sort for tok in BAD_SORT_CHARS):
            raise ValueError("invalid sort")
        sql = text(
            "SELECT id, name, price FROM products WHERE category_id = :cid "
            f"ORDER BY {sort} LIMIT :limit OFFSET :offset"
        )
        log.debug("product query %s", sql)
        params = {"cid": category_id, "limit": self.page_size, "offset": (page - 1) * self.page_size}
        return db.session.execute(sql, params).mappings().all()
