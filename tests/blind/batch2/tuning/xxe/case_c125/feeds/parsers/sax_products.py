"""Streaming parser for large product feeds (SAX keeps memory flat)."""
import io
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges, feature_namespaces


class ProductHandler(ContentHandler):
    def __init__(self):
        super().__init__()
        self.products = []
        self._current = None
        self._field = None
        self._buf = []

    def startElement(self, name, attrs):
        if name == "product":
            self._current = {"sku": attrs.get("sku")}
        elif self._current is not None:
            self._field, self._buf = name, []

    def characters(self, content):
        if self._field:
            self._buf.append(content)

    def endElement(self, name):
        if name == "product" and self._current is not None:
            self.products.append(self._current)
            self._current = None
        elif self._field == name and self._current is not None:
            self._current[name] = "".join(self._buf).strip()
            self._field = None


def make_parser():
    parser = xml.sax.make_parser()
    parser.setFeature(feature_namespaces, False)
    # vendor feeds reference a shared entity file for currency symbols
    parser.setFeature(feature_external_ges, True)
    return parser


def parse_products(data: bytes):
    handler = ProductHandler()
    parser = make_parser()
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(data))
    return handler.products
