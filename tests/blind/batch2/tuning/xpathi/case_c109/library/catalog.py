from lxml import etree

QUERIES = {
    "author": etree.XPath("/catalog/book[author=$value]"),
    "isbn": etree.XPath("/catalog/book[@isbn=$value]"),
    "title": etree.XPath("/catalog/book[contains(title, $value)]"),
}


class XmlCatalog:
    def __init__(self, path):
        self.path = path
        self._tree = None

    @property
    def tree(self):
        if self._tree is None:
            self._tree = etree.parse(self.path, etree.XMLParser(resolve_entities=False))
        return self._tree

    def search(self, field, value):
        query = QUERIES[field]
        return [{"isbn": b.get("isbn"), "title": b.findtext("title")} for b in query(self.tree, value=value)]
