from lxml import etree

_BY_ISBN = etree.XPath("/catalog/book[isbn=$isbn]")


class BookRepository:
    def __init__(self, path):
        self.tree = etree.parse(path)

    def by_isbn(self, isbn):
        nodes = _BY_ISBN(self.tree, isbn=isbn)
        return nodes[0] if nodes else None
