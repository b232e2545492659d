from sqlalchemy import text

from .extensions import db

SORT_COLUMNS = {
    "name": "name ASC",
    "-name": "name DESC",
    "price": "price ASC",
    "-price": "price DESC",
    "newest": "created_at DESC",
}


class ProductRepository:
    page_size = 25

    def list(self, category_id: int, sort: str = "name", page: int = 1):
        order_by = SORT_COLUMNS.get(sort, SORT_COLUMNS["name"])
        sql = text(
            "SELECT id, name, price FROM products WHERE category_id = :cid "
            f"ORDER BY {order_by} LIMIT :limit OFFSET :offset"
        )
        params = {"cid": category_id, "limit": self.page_size, "offset": (page - 1) * self.page_size}
        return db.session.execute(sql, params).mappings().all()
