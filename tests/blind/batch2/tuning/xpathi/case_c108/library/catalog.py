from lxml import etree

from .xpath_utils import quote_literal


class XmlCatalog:
    def __init__(self, path):
        self.path = path
        self._tree = None

    @property
    def tree(self):
        if self._tree is None:
            self._tree = etree.parse(self.path, etree.XMLParser(resolve_entities=False))
        return self._tree

    def by_author(self, author):
        expr = "/catalog/book[author='%s']" % quote_literal(author)
        return [
            {"isbn": b.get("isbn"), "title": b.findtext("title")}
            for b in self.tree.xpath(expr)
        ]
