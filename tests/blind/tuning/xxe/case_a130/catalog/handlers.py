from xml.sax.handler import ContentHandler


class TitleCollector(ContentHandler):
    def __init__(self):
        super().__init__()
        self.titles = []
        self._buf = None

    def startElement(self, name, attrs):
        if name == "title":
            self._buf = []

    def characters(self, content):
        if self._buf is not None:
            self._buf.append(content)

    def endElement(self, name):
        if name == "title" and self._buf is not None:
            self.titles.append("".join(self._buf))
            self._buf = None
