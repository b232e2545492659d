from lxml import etree


class BookRepository:
    def __init__(self, path):
        self.tree = etree.parse(path)

    def by_isbn(self, isbn):
        query = etree.XPath("/catalog/book[isbn='%s']" % isbn)
        nodes = query(self.tree)
        return nodes[0] if nodes else None
