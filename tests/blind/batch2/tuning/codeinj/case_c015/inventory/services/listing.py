import logging

log = logging.getLogger(__name__)

PRODUCTS = [
    {"sku": "A-100", "name": "Anvil", "price": 120.0, "stock": 4},
    {"sku": "B-220", "name": "Bucket", "price": 9.5, "stock": 120},
    {"sku": "C-310", "name": "Chisel", "price": 14.0, "stock": 33},
]


class ListingService:
    default_sort = "row['name']"

    def __init__(self, sort_spec=None, reverse=False):
        self.sort_spec = sort_spec or self.default_sort
        self.reverse = reverse

    @property
    def key_func(self):
        return eval("lambda row: " + self.sort_spec)

    def listing(self):
        rows = list(PRODUCTS)
        try:
            rows.sort(key=self.key_func, reverse=self.reverse)
        except (KeyError, TypeError):
            log.warning("bad sort spec %r", self.sort_spec)
        return rows
